# Cross build for 64-bit Arm (cmake --preset aarch64) with Debian's cross compiler
# (crossbuild-essential-arm64) against the :arm64 libraries of multiarch
# (ci/install-deps.sh --arch arm64). Tests and tools run under qemu-user on an x86 host;
# on an Arm host, build natively instead (the default presets).
set(CMAKE_SYSTEM_NAME Linux)
set(CMAKE_SYSTEM_PROCESSOR aarch64)
set(CMAKE_LIBRARY_ARCHITECTURE aarch64-linux-gnu)

set(CMAKE_C_COMPILER aarch64-linux-gnu-gcc)
set(CMAKE_CXX_COMPILER aarch64-linux-gnu-g++)

# Headers and libraries from the target's multiarch folders; programs (cmake, python3,
# the code generators) from the host.
set(CMAKE_FIND_ROOT_PATH /usr/aarch64-linux-gnu)
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY BOTH)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE BOTH)
set(CMAKE_FIND_ROOT_PATH_MODE_PACKAGE BOTH)
# pkg-config must read the :arm64 .pc files, not the host's.
set(ENV{PKG_CONFIG_LIBDIR} /usr/lib/aarch64-linux-gnu/pkgconfig:/usr/share/pkgconfig)

# ctest (and the build's own tool runs) start the target's programs through qemu-user.
find_program(IDIOMBENCH_QEMU_AARCH64 NAMES qemu-aarch64-static qemu-aarch64)
if(IDIOMBENCH_QEMU_AARCH64)
  set(CMAKE_CROSSCOMPILING_EMULATOR ${IDIOMBENCH_QEMU_AARCH64})
endif()

# -fuse-ld=lld (the gate's link; the fingerprint tests') makes the cross g++ look for ld.lld
# among its own programs, where Debian has none: lld links for every target, so the host's is
# put where -B finds it.
find_program(IDIOMBENCH_HOST_LD_LLD ld.lld)
if(IDIOMBENCH_HOST_LD_LLD)
  set(lld_dir "${CMAKE_BINARY_DIR}/cross-tools")
  file(MAKE_DIRECTORY "${lld_dir}")
  file(CREATE_LINK "${IDIOMBENCH_HOST_LD_LLD}" "${lld_dir}/ld.lld" SYMBOLIC)
  string(APPEND CMAKE_EXE_LINKER_FLAGS_INIT " -B${lld_dir}")
  string(APPEND CMAKE_SHARED_LINKER_FLAGS_INIT " -B${lld_dir}")
endif()
