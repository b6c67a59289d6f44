#!/usr/bin/env bash
# Unsafe code lives in TallyMemory (behind a safe API) and in one boundary file per C library;
# fails listing any other file under Sources/ that uses pointers, unchecked sendability or
# exclusivity, bit casts, or storage handed out as raw buffers. Usage: scripts/unsafe_check.sh
set -euo pipefail
cd "$(dirname "$0")/.."

# One file per C library: libxml2, zlib, SQLite (libc's file calls are TallyMemory/FileSystemCalls.swift).
allowed=(
  Sources/TallyIngest/HTML/HTMLTree.swift
  Sources/TallyIngest/Gzip.swift
  Sources/TallyReport/SQLite.swift
)
pattern='Unsafe[A-Za-z]*Pointer|@unchecked Sendable|exclusivity\(unchecked\)|unsafeBitCast|withUnsafe|unsafeUninitializedCapacity|unsafeAddress|unsafelyUnwrapped|Unmanaged|OpaquePointer|\.pointee\b|assumingMemoryBound|bindMemory|withMemoryRebound|\.withUTF8\b|withUTF8Buffer|withContiguousStorageIfAvailable'

found=$(grep -rlE "$pattern" Sources --include='*.swift' | grep -v '^Sources/TallyMemory/' | sort || true)
for file in "${allowed[@]}"; do found=$(printf '%s\n' "$found" | grep -vxF "$file" || true); done
if [ -n "$found" ]; then
  echo "unsafe code outside TallyMemory and the C-library boundary files (move it behind TallyMemory's API):"
  printf '%s\n' "$found" | while read -r file; do grep -nE "$pattern" "$file" | sed "s|^|$file:|"; done
  exit 1
fi
echo "unsafe check: only TallyMemory and ${#allowed[@]} C-library boundary files use unsafe constructs"
