// The HCL writer: strings that Terraform reads back exactly, names it accepts, and bodies laid
// out as `terraform fmt` lays them out (the expected texts below were checked with
// `terraform fmt -check`, Terraform 1.11.4).
#include "provider/export/hcl.h"

#include <gtest/gtest.h>

namespace opc::exporter::hcl {
namespace {

TEST(QuoteTest, PlainTextIsOnlyQuoted) {
  EXPECT_EQ(Quote("Floor 3"), "\"Floor 3\"");
  EXPECT_EQ(Quote(""), "\"\"");
}

TEST(QuoteTest, EscapesQuotesBackslashesAndLineBreaks) {
  EXPECT_EQ(Quote(R"(Building "A")"), R"("Building \"A\"")");
  EXPECT_EQ(Quote(R"(C:\dir)"), R"("C:\\dir")");
  EXPECT_EQ(Quote("a\nb\rc\td"), R"("a\nb\rc\td")");
}

TEST(QuoteTest, OtherControlCharactersBecomeUnicodeEscapes) {
  EXPECT_EQ(Quote(std::string("a\x01z\x7f", 4)), R"("a\u0001z\u007f")");
}

TEST(QuoteTest, TemplateSequencesAreDoubledSoTerraformDoesNotInterpolate) {
  EXPECT_EQ(Quote("${var.x}"), R"("$${var.x}")");
  EXPECT_EQ(Quote("%{ if x }"), R"("%%{ if x }")");
  // Verified with terraform: "$$${x}" evaluates to "$${x}", "%%%{y}" to "%%{y}".
  EXPECT_EQ(Quote("$${x}"), R"("$$${x}")");
  EXPECT_EQ(Quote("%%{y}"), R"("%%%{y}")");
  // A sign not followed by "{" stays single.
  EXPECT_EQ(Quote("100% $5"), R"("100% $5")");
}

TEST(QuoteTest, Utf8PassesThrough) {
  EXPECT_EQ(Quote("Étage 4 — Empfang"), "\"Étage 4 — Empfang\"");
}

TEST(IdentifierTest, LowerCasesAndJoinsWordsWithUnderscores) {
  EXPECT_EQ(Identifier("Bluefin Telecom"), "bluefin_telecom");
  EXPECT_EQ(Identifier("  Floor 2 -- (east)  "), "floor_2_east");
  EXPECT_EQ(Identifier("GB London HQ"), "gb_london_hq");
}

TEST(IdentifierTest, NeverStartsWithADigitAndIsNeverEmpty) {
  EXPECT_EQ(Identifier("221B Baker Street"), "n_221b_baker_street");
  EXPECT_EQ(Identifier("3", "place"), "place_3");
  EXPECT_EQ(Identifier("", "place"), "place");
  EXPECT_EQ(Identifier("—", "place"), "place");
}

TEST(IdentifierTest, Latin1LettersBecomeTheirAsciiLetters) {
  EXPECT_EQ(Identifier("Étage 4"), "etage_4");
  EXPECT_EQ(Identifier("Zürich Süd, Straße"), "zurich_sud_strasse");
  EXPECT_EQ(Identifier("Ærøskøbing"), "aeroskobing");
}

TEST(IdentifierTest, OtherNonAsciiTextBecomesSeparators) {
  EXPECT_EQ(Identifier("Kraków × Łódź"), "krakow_od");  // Ł and ź are not Latin-1
  EXPECT_EQ(Identifier("東京 office"), "office");
}

TEST(IdentifierTest, IsAtMostSixtyCharacters) {
  std::string long_name = Identifier(std::string(100, 'a'));
  EXPECT_EQ(long_name.size(), 60u);
  // Cut at a separator: no trailing underscore.
  EXPECT_EQ(Identifier(std::string(59, 'a') + " b"), std::string(59, 'a'));
}

TEST(NameAllocatorTest, SuffixesRepeatedNames) {
  NameAllocator names;
  EXPECT_EQ(names.Allocate("london"), "london");
  EXPECT_EQ(names.Allocate("london"), "london_2");
  EXPECT_EQ(names.Allocate("london"), "london_3");
  EXPECT_EQ(names.Allocate("london_2"), "london_2_2");
  EXPECT_EQ(names.Allocate("dublin"), "dublin");
}

TEST(BodyTest, AlignsARunOfAttributesAndBreaksTheRunAtMultiLineValues) {
  Body contact;
  contact.Attribute("full_name", "\"a\"").Attribute("email_long", "\"b\"");
  Body body;
  body.Attribute("operator_id", "\"a\"")
      .Attribute("countries", "[\"GB\"]")
      .Object("contact", std::move(contact))
      .Attribute("data_transfer_notice_accepted", "true")
      .Attribute("z", "1");
  Body file;
  file.Block("resource \"x\" \"y\"", std::move(body));
  EXPECT_EQ(file.Render(),
            "resource \"x\" \"y\" {\n"
            "  operator_id = \"a\"\n"
            "  countries   = [\"GB\"]\n"
            "  contact = {\n"
            "    full_name  = \"a\"\n"
            "    email_long = \"b\"\n"
            "  }\n"
            "  data_transfer_notice_accepted = true\n"
            "  z                             = 1\n"
            "}\n");
}

TEST(BodyTest, BlankLinesAndCommentsEndARun) {
  Body body;
  body.Attribute("for_each", "local.m")
      .Attribute("a", "\"b\"")
      .Blank()
      .Attribute("telephone_number", "each.key")
      .Comment("note")
      .Attribute("x", "1");
  EXPECT_EQ(body.Render(1),
            "  for_each = local.m\n"
            "  a        = \"b\"\n"
            "\n"
            "  telephone_number = each.key\n"
            "  # note\n"
            "  x = 1\n");
}

TEST(BodyTest, ListsOfSeveralItemsTakeOneLineEach) {
  Body body;
  body.List("depends_on", {"a.b", "c.d"}).List("one", {"e.f"}).List("none", {});
  EXPECT_EQ(body.Render(),
            "depends_on = [\n"
            "  a.b,\n"
            "  c.d,\n"
            "]\n"
            "one  = [e.f]\n"
            "none = []\n");
}

TEST(BodyTest, EmptyBlocksCloseOnTheirLine) {
  Body body;
  body.Block("provider \"operatorconnect\"", Body());
  EXPECT_EQ(body.Render(), "provider \"operatorconnect\" {}\n");
}

TEST(BodyTest, MultiLineCommentsKeepEveryLineCommented) {
  Body body;
  body.Comment("first\n\nthird");
  EXPECT_EQ(body.Render(), "# first\n#\n# third\n");
}

}  // namespace
}  // namespace opc::exporter::hcl
