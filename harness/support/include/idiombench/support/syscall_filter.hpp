// For tests of the fallbacks to older kernels: makes one system call answer ENOSYS in the
// calling thread and every process or thread it starts from then on (a seccomp filter), as
// a kernel without it would, or qemu-user and valgrind that do not know it. Call it in a
// forked child: the filter cannot be removed.
#pragma once

namespace idiombench::support {

// False where no filter can be installed (qemu-user refuses seccomp): nothing to test then.
bool refuse_syscall(long number);

}  // namespace idiombench::support
