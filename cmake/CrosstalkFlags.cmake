# One INTERFACE target that carries the flags every Crosstalk target shares.
add_library(crosstalk_flags INTERFACE)
add_library(Crosstalk::flags ALIAS crosstalk_flags)

target_compile_features(crosstalk_flags INTERFACE cxx_std_20)
target_compile_definitions(crosstalk_flags INTERFACE
    QT_NO_CAST_FROM_ASCII
    QT_NO_CAST_TO_ASCII
    QT_NO_CAST_FROM_BYTEARRAY
    QT_NO_URL_CAST_FROM_STRING
    QT_NO_NARROWING_CONVERSIONS_IN_CONNECT
    QT_NO_FOREACH
    QT_USE_QSTRINGBUILDER
    QT_STRICT_ITERATORS
    JSON_USE_IMPLICIT_CONVERSIONS=0
    CROSSTALK_VERSION="${PROJECT_VERSION}")
# QT_NO_CONTEXTLESS_CONNECT exists from Qt 6.7 on; older Qt ignores it, so it
# is only set where it has an effect.
if(Qt6Core_VERSION VERSION_GREATER_EQUAL 6.7)
    target_compile_definitions(crosstalk_flags INTERFACE QT_NO_CONTEXTLESS_CONNECT)
endif()

target_compile_options(crosstalk_flags INTERFACE -Wall -Wextra -pedantic)
if(CROSSTALK_WERROR)
    target_compile_options(crosstalk_flags INTERFACE -Werror)
endif()

if(CROSSTALK_SANITIZE)
    target_compile_options(crosstalk_flags INTERFACE
        -fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer)
    target_link_options(crosstalk_flags INTERFACE -fsanitize=address,undefined)
endif()

if(CROSSTALK_FUZZ)
    if(NOT CMAKE_CXX_COMPILER_ID MATCHES "Clang")
        message(FATAL_ERROR "CROSSTALK_FUZZ needs clang (libFuzzer): configure with CXX=clang++")
    endif()
    target_compile_options(crosstalk_flags INTERFACE -fsanitize=fuzzer-no-link)
endif()
