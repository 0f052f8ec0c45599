// Child processes: system, popen, fork/exec/waitpid, posix_spawn. All io.process.
// Traps: git_revision inherits io.process through capture_output; decoding a wait status is
// trivial arithmetic on an int.
#include <cstdio>
#include <spawn.h>
#include <string>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

extern char **environ;

namespace proc {

// expect: io.process
int run_shell(const std::string &command) { return std::system(command.c_str()); }

// expect: io.process
std::string capture_output(const std::string &command) {
  std::string out;
  FILE *p = ::popen(command.c_str(), "r");
  if (!p)
    return out;
  char buf[512];
  while (std::fgets(buf, sizeof buf, p))
    out += buf;
  ::pclose(p);
  return out;
}

// expect: io.process
std::string git_revision() {
  std::string rev = capture_output("git rev-parse HEAD");
  while (!rev.empty() && (rev.back() == '\n' || rev.back() == '\r'))
    rev.pop_back();
  return rev;
}

// expect: io.process
int spawn_and_wait(const std::vector<std::string> &args) {
  std::vector<char *> argv;
  for (const auto &a : args)
    argv.push_back(const_cast<char *>(a.c_str()));
  argv.push_back(nullptr);
  pid_t pid = ::fork();
  if (pid == 0) {
    ::execvp(argv[0], argv.data());
    ::_exit(127);
  }
  int status = 0;
  ::waitpid(pid, &status, 0);
  return status;
}

// expect: io.process
int wait_all(const std::vector<pid_t> &children) {
  int failures = 0;
  for (pid_t pid : children) {
    int status = 0;
    if (::waitpid(pid, &status, 0) < 0 || !WIFEXITED(status) || WEXITSTATUS(status) != 0)
      ++failures;
  }
  return failures;
}

// expect: io.process
int posix_spawn_wait(const char *path, char *const argv[]) {
  pid_t pid;
  if (::posix_spawn(&pid, path, nullptr, nullptr, argv, environ) != 0)
    return -1;
  int status = 0;
  ::waitpid(pid, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

// expect: io.process
bool compress_with_gzip(const std::string &path) {
  std::string cmd = "gzip -9 '" + path + "'";
  return run_shell(cmd) == 0;
}

// expect: trivial
int decode_status(int status) {
  if (WIFEXITED(status))
    return WEXITSTATUS(status);
  if (WIFSIGNALED(status))
    return 128 + WTERMSIG(status);
  return -1;
}

} // namespace proc
