// Text helpers for what terraform and the simulator print, shared by the suites.
#pragma once

#include <filesystem>
#include <string>

#include "child_process.h"
#include "simulator_process.h"

namespace opc::e2e {

// Terraform wraps diagnostics at 78 columns inside a box ("│ "): the text on one line, every
// run of whitespace and box rules one space, so a message compares whole.
std::string Flat(const std::string& text);
// stdout and stderr, flattened.
std::string Flat(const ProcessResult& result);

// A simulator reply for assertion messages: "HTTP <status> <body> <transport error>".
std::string Describe(const SimulatorProcess::Reply& reply);

// The whole file (binary-safe); empty when it cannot be read.
std::string ReadFile(const std::filesystem::path& path);

}  // namespace opc::e2e
