/* A stand-in for Windows' bcryptprimitives.dll, for running rt's tests under Wine only.
 *
 * Rust's standard library gets its random numbers (HashMap keys, temporary file names) from
 * ProcessPrng in bcryptprimitives.dll, which Windows 10 and later have and Wine 8 lacks, so
 * every Rust program stops at start-up under Wine 8. This DLL has that one function, filled
 * from RtlGenRandom (advapi32's SystemFunction036), which Wine has. .ci/windows builds it with
 * mingw-w64 into the Wine prefix the tests run in; it is never part of a release.
 */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length)
{
    while (length > 0) {
        ULONG chunk = length > 0x40000000 ? 0x40000000 : (ULONG)length;
        if (!SystemFunction036(data, chunk))
            return FALSE;
        data += chunk;
        length -= chunk;
    }
    return TRUE;
}
