// The usual macro names over Clang's thread-safety attributes, as projects spell them.
#pragma once
#define CAPABILITY(x) __attribute__((capability(x)))
#define SCOPED_CAPABILITY __attribute__((scoped_lockable))
#define GUARDED_BY(x) __attribute__((guarded_by(x)))
#define PT_GUARDED_BY(x) __attribute__((pt_guarded_by(x)))
#define REQUIRES(...) __attribute__((requires_capability(__VA_ARGS__)))
#define REQUIRES_SHARED(...) __attribute__((requires_shared_capability(__VA_ARGS__)))
#define ACQUIRE(...) __attribute__((acquire_capability(__VA_ARGS__)))
#define ACQUIRE_SHARED(...) __attribute__((acquire_shared_capability(__VA_ARGS__)))
#define RELEASE(...) __attribute__((release_capability(__VA_ARGS__)))
#define RELEASE_SHARED(...) __attribute__((release_shared_capability(__VA_ARGS__)))
#define TRY_ACQUIRE(...) __attribute__((try_acquire_capability(__VA_ARGS__)))
#define EXCLUSIVE_LOCK_FUNCTION(...) __attribute__((exclusive_lock_function(__VA_ARGS__)))
#define UNLOCK_FUNCTION(...) __attribute__((unlock_function(__VA_ARGS__)))
#define EXCLUSIVE_LOCKS_REQUIRED(...) __attribute__((exclusive_locks_required(__VA_ARGS__)))

// A mutex defined in another file, with names no shipped model matches: only its annotations
// say what Enter and Leave do.
class CAPABILITY("mutex") Spinlock {
public:
  void Enter() ACQUIRE();
  void Leave() RELEASE();
  void EnterShared() ACQUIRE_SHARED();
  void LeaveShared() RELEASE_SHARED();
  bool TryEnter() TRY_ACQUIRE(true);
};

// A scoped guard over it, also defined elsewhere.
class SCOPED_CAPABILITY Hold {
public:
  explicit Hold(Spinlock &lock) ACQUIRE(lock);
  ~Hold() RELEASE();
  void Drop() RELEASE();
};
