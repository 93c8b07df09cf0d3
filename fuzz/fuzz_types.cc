#include "fuzz/fuzz_types.h"

namespace opc::fuzz {

using framework::Type;

const Type& EveryKindType() {
  static const Type type = [] {
    const Type contact = Type::Object({{"email", Type::String()}, {"name", Type::String()}});
    return Type::Object({
        {"id", Type::String()},
        {"count", Type::Number()},
        {"enabled", Type::Bool()},
        {"countries", Type::Set(Type::String())},
        {"places", Type::List(contact)},
        {"limits", Type::Map(Type::Number())},
        {"pair", Type::Tuple({Type::String(), Type::Bool()})},
        {"anything", Type::Dynamic()},
        {"contacts", Type::Set(contact)},
    });
  }();
  return type;
}

}  // namespace opc::fuzz
