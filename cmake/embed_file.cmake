# Script mode: writes OUTPUT, a C++ file defining `extern const char SYMBOL[]` with the
# bytes of INPUT as a hex array (no raw-string delimiter can clash with the data).
file(READ ${INPUT} hex HEX)
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," bytes "${hex}")
string(REGEX REPLACE "((0x..,){32})" "\\1\n" bytes "${bytes}")
file(WRITE ${OUTPUT} "// Generated from ${INPUT} by cmake/embed_file.cmake. Do not edit.\n"
  "namespace cakap { namespace embedded {\n"
  "extern const char ${SYMBOL}[];\n"
  "const char ${SYMBOL}[] = {\n${bytes}0x00};\n"
  "}  // namespace embedded\n}  // namespace cakap\n")
