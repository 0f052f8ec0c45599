// Helpers checks share to turn summary facts into finding locations and evidence notes.
#pragma once

#include "Finding.h"

#include "../analysis/Program.h"
#include "../analysis/Threads.h"

namespace concur {

SourcePoint pointOf(const Program &program, const Loc &loc);

/// Notes that tell how a thread reaches a function: where it started, then each call taken.
void appendThreadPathNotes(const Program &program, const ThreadPath &path, std::vector<Note> &notes);

} // namespace concur
