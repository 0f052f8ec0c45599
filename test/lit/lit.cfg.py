import os
import lit.formats

config.name = "concur"
config.test_format = lit.formats.ShTest(execute_external=False)
config.suffixes = [".cpp", ".c", ".test"]
config.test_source_root = os.path.dirname(__file__)
config.excludes = ["Inputs"]
# Every test gets its own cache so runs never see each other's summaries.
config.environment["XDG_CACHE_HOME"] = os.path.join(config.test_exec_root, "xdg-cache")
config.environment["HOME"] = config.test_exec_root
config.substitutions.append(("%concur_source", config.concur_source))
config.substitutions.append(("%concur", config.concur))
config.substitutions.append(("%check_concur", "python3 " + os.path.join(config.test_source_root, "check_concur.py") + " " + config.concur))
config.substitutions.append(("%python", "python3"))
config.environment["PATH"] = os.pathsep.join([config.llvm_tools, config.environment.get("PATH", os.environ["PATH"])])
config.substitutions.append(("%expect_exit", "python3 " + os.path.join(config.test_source_root, "expect_exit.py")))
