# cakap_embed_file(OUT_CC SYMBOL INPUT): generates a .cc defining
#   extern const char SYMBOL[];  (NUL-terminated contents of INPUT)
# so reference data ships inside the library and programs never read the source tree.
function(cakap_embed_file out_cc symbol input)
  add_custom_command(
    OUTPUT ${out_cc}
    COMMAND ${CMAKE_COMMAND} -DINPUT=${input} -DOUTPUT=${out_cc} -DSYMBOL=${symbol}
            -P ${PROJECT_SOURCE_DIR}/cmake/embed_file.cmake
    DEPENDS ${input} ${PROJECT_SOURCE_DIR}/cmake/embed_file.cmake
    COMMENT "Embedding ${input}"
    VERBATIM)
endfunction()
