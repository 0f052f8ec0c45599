#include "ThreadPoolFix.h"

#include "fmt/format.h"

namespace concur {

std::vector<Edit> threadPoolFix(const Rewrite &rewrite, PoolSize size) {
  std::vector<Edit> edits = rewrite.edits;
  std::string arguments;
  if (size.kind == PoolSize::Constant)
    arguments = fmt::format("({})", size.threads);
  else if (size.kind == PoolSize::PerTask && !rewrite.fanout.empty()) {
    arguments = fmt::format("(std::clamp<std::size_t>({}, 1, {}))", rewrite.fanout, size.threads);
    edits.insert(edits.end(), rewrite.fanoutEdits.begin(), rewrite.fanoutEdits.end());
  } else if (size.kind == PoolSize::PerTask)
    arguments = fmt::format("({})", size.threads);
  const char *type = rewrite.target == RewriteTarget::ProcessPool ? "concur::process_pool" : "concur::thread_pool";
  std::string declaration = fmt::format("{} {}{};\n{}", type, rewrite.pool, arguments, rewrite.indent);
  // An edit that starts where the pool goes takes the declaration in front of its own text:
  // an insertion beside a replacement at one offset would be a conflict.
  for (Edit &edit : edits)
    if (edit.range.begin.file == rewrite.poolAt.file && edit.range.begin.offset == rewrite.poolAt.offset &&
        edit.range.length > 0) {
      edit.text = declaration + edit.text;
      return edits;
    }
  Edit insertion;
  insertion.range.begin = rewrite.poolAt;
  insertion.text = std::move(declaration);
  edits.push_back(std::move(insertion));
  return edits;
}

} // namespace concur
