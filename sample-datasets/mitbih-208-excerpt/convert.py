#!/usr/bin/env python3
"""Converts SciPy's ECG sample into the WFDB record 208.hea + 208.dat next to this script.

SciPy's electrocardiogram() sample (Debian's python3-scipy ships it as
/usr/lib/python3/dist-packages/scipy/misc/ecg.dat) is an npz holding one array, 'ecg.npy': 108,000 uint16
samples, 5 minutes (19:35 to 24:35) of lead MLII of MIT-BIH Arrhythmia Database record 208 at 360 Hz, in the database's
own ADC units (millivolts = (x - 1024) / 200). They are written unchanged, as MIT-BIH stores them: format 212,
gain 200, ADC zero 1024, 11-bit resolution. Only the standard library is used, so the script runs on any Python 3.

Run once, by hand:  python3 convert.py [path/to/ecg.dat]
"""
import ast
import pathlib
import struct
import sys
import zipfile

SOURCE = pathlib.Path("/usr/lib/python3/dist-packages/scipy/misc/ecg.dat")
RECORD = "208"
FREQUENCY = 360
GAIN = 200
ZERO = 1024
RESOLUTION = 11
SAMPLES = 5 * 60 * FREQUENCY


def read_samples(path):
    with zipfile.ZipFile(path) as archive:
        data = archive.read("ecg.npy")
    if data[:6] != b"\x93NUMPY":
        sys.exit(f"{path}: ecg.npy is not a NumPy array")
    major = data[6]
    if major == 1:
        (length,), start = struct.unpack("<H", data[8:10]), 10
    else:
        (length,), start = struct.unpack("<I", data[8:12]), 12
    header = ast.literal_eval(data[start:start + length].decode("latin-1"))
    if header["descr"] != "<u2" or header["fortran_order"] or header["shape"] != (SAMPLES,):
        sys.exit(f"{path}: expected {SAMPLES} little-endian uint16 samples, found {header}")
    body = data[start + length:]
    return list(struct.unpack(f"<{SAMPLES}H", body[:2 * SAMPLES]))


def pack_212(samples):
    """Two 12-bit two's-complement samples in 3 bytes: A's low 8 bits; B's high nibble over A's; B's low 8 bits."""
    out = bytearray()
    for i in range(0, len(samples), 2):
        a = samples[i] & 0xFFF
        out.append(a & 0xFF)
        if i + 1 < len(samples):
            b = samples[i + 1] & 0xFFF
            out.append(((b >> 8) << 4) | (a >> 8))
            out.append(b & 0xFF)
        else:
            out.append(a >> 8)
    return bytes(out)


def main():
    source = pathlib.Path(sys.argv[1]) if len(sys.argv) > 1 else SOURCE
    samples = read_samples(source)
    if not all(-2048 < x < 2048 for x in samples):
        sys.exit(f"{source}: a sample does not fit format 212")
    checksum = sum(samples) & 0xFFFF
    checksum = checksum - 0x10000 if checksum >= 0x8000 else checksum
    folder = pathlib.Path(__file__).resolve().parent
    (folder / f"{RECORD}.dat").write_bytes(pack_212(samples))
    header = (
        f"{RECORD} 1 {FREQUENCY} {SAMPLES}\n"
        f"{RECORD}.dat 212 {GAIN} {RESOLUTION} {ZERO} {samples[0]} {checksum} 0 MLII\n"
        "# MIT-BIH Arrhythmia Database record 208, 5 minutes (19:35 to 24:35), lead MLII only,"
        " as distributed in SciPy's electrocardiogram() sample\n"
        "# No beat annotations in this copy\n"
    )
    (folder / f"{RECORD}.hea").write_text(header, encoding="ascii")
    print(f"wrote {RECORD}.hea and {RECORD}.dat: {len(samples)} samples, checksum {checksum}")


if __name__ == "__main__":
    main()
