"""Which BLAS PyTorch really multiplies with, checked before any PyTorch figure is taken.

Debian's python3-torch calls whatever libblas.so.3 the alternatives system points at. Without libopenblas0-pthread
that is the reference netlib BLAS (measured: a 1024³ torch.mm took 397 ms instead of 12 ms), and every comparison
with PyTorch would be against a strawman. So the comparison scripts refuse to run unless OpenBLAS is loaded, and they
report the core type OpenBLAS chose for this CPU (its kernels differ by core type).
"""
import ctypes
import sys


def openblas_core(torch):
    """The loaded OpenBLAS's core name and configuration, after a first torch.mm; exits with a message when absent."""
    a = torch.ones(8, 8)
    torch.mm(a, a)  # the BLAS library is loaded lazily on some builds: multiply once before looking
    with open("/proc/self/maps") as maps:
        blas = sorted({line.split()[-1] for line in maps if "blas" in line.lower() and "/" in line})
    openblas = [path for path in blas if "openblas" in path.lower()]
    if not openblas:
        sys.exit("PyTorch is not using OpenBLAS (BLAS libraries loaded: " + (", ".join(blas) or "none") + "). "
                 "Install Debian's libopenblas0-pthread (apt-get install -y libopenblas0-pthread) so torch's libblas.so.3 "
                 "is OpenBLAS; the reference BLAS it falls back to is ~30× slower and no fair comparison.")
    lib = ctypes.CDLL(openblas[0])
    lib.openblas_get_corename.restype = ctypes.c_char_p
    lib.openblas_get_config.restype = ctypes.c_char_p
    return lib.openblas_get_corename().decode(), lib.openblas_get_config().decode()
