#include "text_decoding.hpp"

#include <povo/diagnostics.hpp>

#include <gtest/gtest.h>

using namespace povo::duo_csv;

TEST(DuoTextDecoding, Utf8WithBomIsStrippedAndDetected) {
  auto d = decode_text("\xEF\xBB\xBFNAAM;PLAATS\r\nFrysl\xC3\xA2n;x\r\n", Encoding::auto_detect, "f.csv");
  EXPECT_EQ(d.encoding, Encoding::utf8);
  EXPECT_TRUE(d.had_bom);
  EXPECT_EQ(d.text, "NAAM;PLAATS\r\nFrysl\xC3\xA2n;x\r\n");
}

TEST(DuoTextDecoding, Utf8WithoutBom) {
  auto d = decode_text("S\xC3\x9A" "DWEST-FRYSL\xC3\x82N", Encoding::auto_detect, "f.csv");
  EXPECT_EQ(d.encoding, Encoding::utf8);
  EXPECT_FALSE(d.had_bom);
  EXPECT_EQ(d.text, "S\xC3\x9A" "DWEST-FRYSL\xC3\x82N");
}

TEST(DuoTextDecoding, Windows1252LettersOfTheRealFiles) {
  // â ë ï as in "Fryslân", "Hindoeïstisch", "Reëel"; plus € and ‘ from 0x80-0x9F.
  auto d = decode_text("Frysl\xE2n;Hindoe\xEFstisch;Re\xEB" "el;\x80;\x91x\x92", Encoding::auto_detect, "f.csv");
  EXPECT_EQ(d.encoding, Encoding::windows1252);
  EXPECT_EQ(d.text, "Frysl\xC3\xA2n;Hindoe\xC3\xAFstisch;Re\xC3\xAB" "el;\xE2\x82\xAC;\xE2\x80\x98x\xE2\x80\x99");
}

TEST(DuoTextDecoding, ExplicitEncodingOverridesDetection) {
  // Valid UTF-8 bytes "Ã¢" read as windows-1252 because the config says so.
  auto d = decode_text("\xC3\xA2", Encoding::windows1252, "f.csv");
  EXPECT_EQ(d.encoding, Encoding::windows1252);
  EXPECT_EQ(d.text, "\xC3\x83\xC2\xA2");
}

TEST(DuoTextDecoding, InvalidUtf8WhenUtf8IsForcedIsLocated) {
  try {
    decode_text("A;B\r\nFrysl\xE2n;x\r\n", Encoding::utf8, "po.csv");
    FAIL() << "expected an error";
  } catch (const povo::Error& e) {
    EXPECT_EQ(e.diagnostic().str(),
              "po.csv:2:6: error: byte 0xE2 is not valid UTF-8 (if the file is windows-1252, set encoding: "
              "windows-1252 (or auto))");
  }
}

TEST(DuoTextDecoding, UndefinedWindows1252ByteIsLocated) {
  try {
    decode_text("A;B\nx;\xE2\x81\n", Encoding::auto_detect, "po.csv");
    FAIL() << "expected an error";
  } catch (const povo::Error& e) {
    EXPECT_EQ(e.diagnostic().str(),
              "po.csv:2:4: error: byte 0x81 is not defined in windows-1252 and the file is not valid UTF-8 either "
              "(check the file's encoding and set the source's `encoding:` option)");
  }
}

TEST(DuoTextDecoding, RejectsOverlongAndSurrogates) {
  EXPECT_EQ(find_invalid_utf8("ab\xC0\xAF"), 2u);
  EXPECT_EQ(find_invalid_utf8("\xED\xA0\x80"), 0u);
  EXPECT_EQ(find_invalid_utf8("ok \xF0\x9F\x98\x80"), std::string_view::npos);
  EXPECT_EQ(find_invalid_utf8("abcdefghijklmnop\xC3"), 16u);
}

TEST(DuoTextDecoding, EncodingNames) {
  EXPECT_EQ(parse_encoding("auto"), Encoding::auto_detect);
  EXPECT_EQ(parse_encoding("utf-8"), Encoding::utf8);
  EXPECT_EQ(parse_encoding("windows-1252"), Encoding::windows1252);
  EXPECT_FALSE(parse_encoding("latin9"));
}
