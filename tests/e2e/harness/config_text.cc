#include "config_text.h"

namespace opc::e2e {

std::string HclStrings(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& item : items) {
    out += (out.empty() ? "\"" : ", \"") + item + "\"";
  }
  return out;
}

std::string RelationshipConfig(const std::string& name, const std::string& operator_id,
                               const std::string& countries) {
  return "\nresource \"operatorconnect_operator_relationship\" \"" + name + "\" {\n" +
         "  operator_id = \"" + operator_id + "\"\n" +  //
         "  countries   = [" + countries + "]\n" +
         R"(  contact = {
    full_name    = "Alice Hughes"
    email        = "alice.hughes@fernleaf.example"
    company_name = "Fernleaf Outfitters"
    company_size = "L250_U999"
  }
  data_transfer_notice_accepted = true
}
)";
}

}  // namespace opc::e2e
