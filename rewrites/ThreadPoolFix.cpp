#include "ThreadPoolFix.h"

#include "fmt/format.h"

namespace concur {

std::vector<Edit> threadPoolFix(const Rewrite &rewrite, std::optional<int64_t> threads) {
  std::vector<Edit> edits = rewrite.edits;
  std::string declaration = threads ? fmt::format("concur::thread_pool {}({});\n{}", rewrite.pool, *threads, rewrite.indent)
                                    : fmt::format("concur::thread_pool {};\n{}", rewrite.pool, rewrite.indent);
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
