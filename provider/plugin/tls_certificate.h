// The server half of go-plugin's AutoMTLS: a fresh self-signed certificate per process start.
#pragma once

#include <string>

#include "absl/status/statusor.h"

namespace opc::plugin {

struct ServerCertificate {
  std::string certificate_pem;
  std::string private_key_pem;  // PKCS#8; lives only in memory
  std::string certificate_der;  // what the handshake line carries (base64, unpadded)
};

// ECDSA P-256, self-signed, CA:TRUE, SAN DNS:localhost, EKU serverAuth+clientAuth: the go-plugin
// client pins exactly this certificate as its root and checks it for the name "localhost".
absl::StatusOr<ServerCertificate> GenerateServerCertificate();

}  // namespace opc::plugin
