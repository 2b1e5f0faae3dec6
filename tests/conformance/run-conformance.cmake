# Runs run-conformance.mjs under the Node.js of tests/peers; reports the test
# as skipped when the peers are not installed, as the other peer tests do.
if(NOT EXISTS "${NODE}")
    message("SKIP: the test peers are not installed (no ${NODE}); run the README's setup command.")
    return()
endif()
execute_process(COMMAND "${NODE}" "${SCRIPT}" "${CLI}" RESULT_VARIABLE result)
if(NOT result EQUAL 0)
    message(FATAL_ERROR "The MCP conformance suite reported failures (exit ${result}).")
endif()
