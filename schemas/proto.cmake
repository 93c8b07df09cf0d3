# Generates C++ messages and gRPC stubs from the plugin-protocol .proto files into
# <build>/schemas/generated and builds them as one library, opc_proto (opc::proto).
# Only provider/protocol/, provider/plugin/ and the protocol tests include the generated headers.

find_program(OPC_GRPC_CPP_PLUGIN grpc_cpp_plugin REQUIRED)
if(NOT Protobuf_PROTOC_EXECUTABLE)
  find_program(Protobuf_PROTOC_EXECUTABLE protoc REQUIRED)
endif()

set(OPC_PROTO_FILES tfplugin6 grpc_controller grpc_stdio grpc_health)
set(OPC_PROTO_OUT ${CMAKE_CURRENT_BINARY_DIR}/generated)
file(MAKE_DIRECTORY ${OPC_PROTO_OUT})

set(opc_proto_sources)
foreach(name IN LISTS OPC_PROTO_FILES)
  set(proto ${CMAKE_CURRENT_SOURCE_DIR}/${name}.proto)
  set(outputs
      ${OPC_PROTO_OUT}/${name}.pb.cc ${OPC_PROTO_OUT}/${name}.pb.h
      ${OPC_PROTO_OUT}/${name}.grpc.pb.cc ${OPC_PROTO_OUT}/${name}.grpc.pb.h)
  add_custom_command(
    OUTPUT ${outputs}
    COMMAND ${Protobuf_PROTOC_EXECUTABLE}
            --proto_path=${CMAKE_CURRENT_SOURCE_DIR}
            --cpp_out=${OPC_PROTO_OUT}
            --grpc_out=${OPC_PROTO_OUT}
            --plugin=protoc-gen-grpc=${OPC_GRPC_CPP_PLUGIN}
            ${proto}
    DEPENDS ${proto}
    COMMENT "Generating C++ code from ${name}.proto"
    VERBATIM)
  list(APPEND opc_proto_sources ${outputs})
endforeach()

add_library(opc_proto STATIC ${opc_proto_sources})
add_library(opc::proto ALIAS opc_proto)
# Generated code is not ours to warn about: no opc::warnings here.
target_include_directories(opc_proto SYSTEM PUBLIC ${OPC_PROTO_OUT})
target_link_libraries(opc_proto PUBLIC opc::options gRPC::grpc++ protobuf::libprotobuf)
