#include "AtomicWrite.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/raw_ostream.h"

namespace concur {

llvm::Error writeFileAtomically(const std::string &path, llvm::StringRef contents) {
  llvm::SmallString<256> temp;
  int fd;
  llvm::SmallString<256> model(path);
  model += ".tmp-%%%%%%";
  if (std::error_code ec = llvm::sys::fs::createUniqueFile(model, fd, temp))
    return llvm::createStringError(ec, "cannot create a temporary file beside '" + path + "'");
  {
    llvm::raw_fd_ostream out(fd, /*shouldClose=*/true);
    out << contents;
    out.close();
    if (out.has_error()) {
      out.clear_error();
      llvm::sys::fs::remove(temp);
      return llvm::createStringError("cannot write '" + std::string(temp) + "'");
    }
  }
  // Keep the original's permissions when replacing a source file.
  if (llvm::ErrorOr<llvm::sys::fs::perms> perms = llvm::sys::fs::getPermissions(path))
    llvm::sys::fs::setPermissions(temp, *perms);
  if (std::error_code ec = llvm::sys::fs::rename(temp, path)) {
    llvm::sys::fs::remove(temp);
    return llvm::createStringError(ec, "cannot replace '" + path + "'");
  }
  return llvm::Error::success();
}

} // namespace concur
