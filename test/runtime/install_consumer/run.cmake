# Installs the runtime from BUILD_DIR into a fresh prefix, then builds and runs two consumers
# against it: one with find_package(concur) -> concur::runtime, one with pkg-config.
# Inputs: BUILD_DIR WORK_DIR SOURCE_DIR CXX GENERATOR EXTRA_FLAGS (sanitizer flags, may be empty)
cmake_minimum_required(VERSION 3.20)

function(run_step what)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "${what} failed (${rc}):\n${out}\n${err}")
  endif()
  set(step_output "${out}" PARENT_SCOPE)
endfunction()

set(prefix ${WORK_DIR}/prefix)
file(REMOVE_RECURSE ${WORK_DIR})
file(MAKE_DIRECTORY ${WORK_DIR})

run_step("install" ${CMAKE_COMMAND} --install ${BUILD_DIR} --prefix ${prefix} --component concur_runtime)

run_step("configure the find_package consumer"
  ${CMAKE_COMMAND} -S ${SOURCE_DIR} -B ${WORK_DIR}/cmake-consumer -G ${GENERATOR}
  -DCMAKE_PREFIX_PATH=${prefix} -DCMAKE_CXX_COMPILER=${CXX} "-DCMAKE_CXX_FLAGS=${EXTRA_FLAGS}"
  "-DCMAKE_EXE_LINKER_FLAGS=${EXTRA_FLAGS}")
run_step("build the find_package consumer" ${CMAKE_COMMAND} --build ${WORK_DIR}/cmake-consumer)
run_step("run the find_package consumer" ${WORK_DIR}/cmake-consumer/consumer)
message(STATUS "find_package consumer: ${step_output}")

file(GLOB pc_files ${prefix}/*/pkgconfig/concur.pc ${prefix}/*/*/pkgconfig/concur.pc)
list(GET pc_files 0 pc_file)
get_filename_component(pc_dir ${pc_file} DIRECTORY)
run_step("pkg-config" ${CMAKE_COMMAND} -E env PKG_CONFIG_PATH=${pc_dir} pkg-config --cflags --libs concur)
string(STRIP "${step_output}" pc_flags)
separate_arguments(pc_flags UNIX_COMMAND "${pc_flags}")
separate_arguments(extra UNIX_COMMAND "${EXTRA_FLAGS}")
run_step("build the pkg-config consumer" ${CXX} -std=c++20 ${extra} ${SOURCE_DIR}/main.cpp -o ${WORK_DIR}/pc-consumer ${pc_flags})
run_step("run the pkg-config consumer" ${WORK_DIR}/pc-consumer)
message(STATUS "pkg-config consumer: ${step_output}")
