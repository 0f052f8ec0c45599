// Helpers checks share to turn summary facts into finding locations and evidence notes.
#pragma once

#include "Finding.h"

#include "../analysis/Blocking.h"
#include "../analysis/Program.h"
#include "../analysis/Threads.h"

namespace concur {

SourcePoint pointOf(const Program &program, const Loc &loc);

/// Notes that tell how a thread reaches a function: where it started, then each call taken.
void appendThreadPathNotes(const Program &program, const ThreadPath &path, std::vector<Note> &notes);

/// Notes that follow a blocking chain from its second step: `'f' calls 'g'`, `'g' calls 'recv'`.
void appendBlockingNotes(const Program &program, const BlockingChain &chain, std::vector<Note> &notes);

/// The first evidence step of a classification, as text: `recv at net.cpp:40`.
std::string describeFirst(const Program &program, const struct Classification &work);

/// A long-lived thread: its function (or one it calls) loops waiting for work or a signal
/// (a consumer, a pool worker, a watchdog). Such threads are not tasks.
bool isLongLived(const Program &program, uint32_t entry);

/// What a blocking call waits on, for messages: `waits on the network`.
std::string blockingReason(const Call &call);

} // namespace concur
