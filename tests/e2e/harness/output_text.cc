#include "output_text.h"

#include <fstream>
#include <sstream>

namespace opc::e2e {

std::string Flat(const std::string& text) {
  static const std::string kBoxRule = "\u2502";  // "│", the left edge of a diagnostic
  std::string out;
  bool pending_space = false;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    const bool rule = text.compare(i, kBoxRule.size(), kBoxRule) == 0;
    if (rule || c == ' ' || c == '\n' || c == '\r' || c == '\t') {
      pending_space = true;
      if (rule) {
        i += kBoxRule.size() - 1;
      }
      continue;
    }
    if (pending_space && !out.empty()) {
      out.push_back(' ');
    }
    pending_space = false;
    out.push_back(c);
  }
  return out;
}

std::string Flat(const ProcessResult& result) {
  return Flat(result.stdout_text + "\n" + result.stderr_text);
}

std::string Describe(const SimulatorProcess::Reply& reply) {
  return "HTTP " + std::to_string(reply.status) + " " + reply.body.dump() + " " + reply.error;
}

std::string ReadFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace opc::e2e
