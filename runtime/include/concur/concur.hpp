// Everything in the concur runtime. See docs/runtime.md.
#pragma once

#include <concur/codec.hpp>
#include <concur/errors.hpp>
#include <concur/event_loop.hpp>
#include <concur/executor.hpp>
#include <concur/file_io.hpp>
#include <concur/future.hpp>
#include <concur/gather.hpp>
#include <concur/net.hpp>
#include <concur/process_pool.hpp>
#include <concur/queue.hpp>
#include <concur/semaphore.hpp>
#include <concur/sys.hpp>
#include <concur/task.hpp>
#include <concur/task_group.hpp>
#include <concur/thread_pool.hpp>
