# Shared compile settings, carried by INTERFACE targets rather than global flags.
add_library(opc_options INTERFACE)
add_library(opc::options ALIAS opc_options)
target_compile_features(opc_options INTERFACE cxx_std_20)
# msgpack-cxx must not pull in Boost.
target_compile_definitions(opc_options INTERFACE MSGPACK_NO_BOOST)

add_library(opc_warnings INTERFACE)
add_library(opc::warnings ALIAS opc_warnings)
target_compile_options(opc_warnings INTERFACE -Wall -Wextra -Wpedantic -Wno-unused-parameter)
if(OPC_WARNINGS_AS_ERRORS)
  target_compile_options(opc_warnings INTERFACE -Werror)
endif()

find_program(CCACHE_PROGRAM ccache)
if(CCACHE_PROGRAM AND NOT CMAKE_CXX_COMPILER_LAUNCHER)
  set(CMAKE_CXX_COMPILER_LAUNCHER ${CCACHE_PROGRAM})
endif()
