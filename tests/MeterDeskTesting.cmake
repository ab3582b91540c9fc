# md_add_test(<name> SOURCES <files...> LIBS <targets...> [LABELS <labels...>] [TIMEOUT <s>])
# Builds a Qt Test executable named tst_<name> and registers it as the ctest test <name>.
set(MD_TEST_DATA_DIR ${CMAKE_SOURCE_DIR}/tests/data)

function(md_add_test name)
    cmake_parse_arguments(ARG "" "TIMEOUT" "SOURCES;LIBS;LABELS" ${ARGN})
    qt_add_executable(tst_${name} ${ARG_SOURCES})
    target_link_libraries(tst_${name} PRIVATE Qt6::Test ${ARG_LIBS})
    target_compile_definitions(tst_${name} PRIVATE
        MD_TEST_DATA_DIR="${MD_TEST_DATA_DIR}"
        MD_BINARY_DIR="${CMAKE_BINARY_DIR}")
    add_test(NAME ${name} COMMAND tst_${name})
    if(NOT ARG_TIMEOUT)
        set(ARG_TIMEOUT 120)
    endif()
    set(env "QT_QPA_PLATFORM=offscreen;LC_ALL=C.UTF-8;MD_SECRET_BACKEND=file")
    if(CMAKE_CROSSCOMPILING_EMULATOR)
        # Under Wine a test program runs several times slower (process start, DLL loading, Wine's
        # sockets and files): ctest's watchdog gets three times the time. The checks inside keep
        # their own bounds. The emulator (scripts/windows/wine-run.sh) ends a hung run itself,
        # before ctest would, so the test's log is still printed.
        math(EXPR ARG_TIMEOUT "${ARG_TIMEOUT} * 3")
        math(EXPR wine_timeout "${ARG_TIMEOUT} - 10")
        list(APPEND env "MD_WINE_TIMEOUT=${wine_timeout}")
    endif()
    set_tests_properties(${name} PROPERTIES
        TIMEOUT ${ARG_TIMEOUT}
        LABELS "${ARG_LABELS}"
        ENVIRONMENT "${env}")
endfunction()
