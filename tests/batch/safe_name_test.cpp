#include "batch/batch.hpp"

#include <gtest/gtest.h>

#include <random>

using povo::batch::max_stem_bytes;
using povo::batch::safe_file_stem;
using povo::batch::unique_stems;

TEST(SafeFileStem, LowercasesAndDashes) {
  EXPECT_EQ(safe_file_stem("Stichting De Linde"), "stichting-de-linde");
  EXPECT_EQ(safe_file_stem("bestuur-10001-Stichting De Linde"), "bestuur-10001-stichting-de-linde");
  EXPECT_EQ(safe_file_stem("Stichting 's-Hertogenbosch (VO)"), "stichting-s-hertogenbosch-vo");
}

TEST(SafeFileStem, TransliteratesDiacritics) {
  EXPECT_EQ(safe_file_stem("Coöperatie Ëlan Financiën"), "cooperatie-elan-financien");
  EXPECT_EQ(safe_file_stem("Café Naïef Château"), "cafe-naief-chateau");
  EXPECT_EQ(safe_file_stem("Ĳsselmonde ĳs"), "ijsselmonde-ijs");
  EXPECT_EQ(safe_file_stem("Straße Ærø Œuvre Łódź Škola"), "strasse-aero-oeuvre-lodz-skola");
  EXPECT_EQ(safe_file_stem("ÀÁÂÃÄÅàáâãäå ÇçÑñ ÝýÿŸ"), "aaaaaaaaaaaa-ccnn-yyyy");
  EXPECT_EQ(safe_file_stem("Financie\xCC\x88n"), "financien");  // decomposed e + U+0308
}

TEST(SafeFileStem, CollapsesAndTrimsDashes) {
  EXPECT_EQ(safe_file_stem("  --Hello,,  World!!  "), "hello-world");
  EXPECT_EQ(safe_file_stem("a---b___c"), "a-b-c");
  EXPECT_EQ(safe_file_stem("x × y ÷ z"), "x-y-z");
  EXPECT_EQ(safe_file_stem("\xFF\xFE abc \xC3"), "abc");  // invalid UTF-8 is a separator
  EXPECT_EQ(safe_file_stem("日本語 school"), "school");
}

TEST(SafeFileStem, NoPathTraversal) {
  EXPECT_EQ(safe_file_stem("../../etc/passwd"), "etc-passwd");
  EXPECT_EQ(safe_file_stem("..\\..\\windows\\system32"), "windows-system32");
  EXPECT_EQ(safe_file_stem("/absolute/path"), "absolute-path");
  EXPECT_EQ(safe_file_stem(".hidden"), "hidden");
}

TEST(SafeFileStem, NeverEmptyOrDot) {
  for (const char* s : {"", ".", "..", "/", "---", "   ", "日本", "\xFF"}) {
    std::string stem = safe_file_stem(s);
    EXPECT_EQ(stem, "unnamed") << '"' << s << '"';
  }
}

TEST(SafeFileStem, CapsLength) {
  EXPECT_EQ(safe_file_stem(std::string(200, 'A')), std::string(max_stem_bytes, 'a'));
  std::string e_acute;
  for (int k = 0; k < 100; ++k) e_acute += "é";
  EXPECT_EQ(safe_file_stem(e_acute), std::string(max_stem_bytes, 'e'));
  // A dash right at the cap is trimmed.
  std::string s = std::string(max_stem_bytes - 1, 'b') + " tail";
  EXPECT_EQ(safe_file_stem(s), std::string(max_stem_bytes - 1, 'b'));
  EXPECT_EQ(safe_file_stem(std::string(max_stem_bytes - 1, 'b') + "ĳ"), std::string(max_stem_bytes - 1, 'b') + "i");
}

TEST(SafeFileStem, RandomInputIsAlwaysSafe) {
  std::mt19937 rng(12345);
  for (int round = 0; round < 2000; ++round) {
    std::string s(rng() % 120, '\0');
    for (char& c : s) c = static_cast<char>(rng() % 256);
    std::string stem = safe_file_stem(s);
    ASSERT_FALSE(stem.empty());
    ASSERT_LE(stem.size(), max_stem_bytes);
    ASSERT_NE(stem.front(), '-');
    ASSERT_NE(stem.back(), '-');
    ASSERT_EQ(stem.find("--"), std::string::npos);
    for (char c : stem) ASSERT_TRUE((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-') << stem;
  }
}

TEST(UniqueStems, NumbersClashesInOrder) {
  EXPECT_EQ(unique_stems({"a", "a", "b", "a"}), (std::vector<std::string>{"a", "a-2", "b", "a-3"}));
  // A literal "a-2" later in the list does not take over the generated one.
  EXPECT_EQ(unique_stems({"a", "a", "a-2"}), (std::vector<std::string>{"a", "a-2", "a-2-2"}));
}

TEST(UniqueStems, CaseOnlyDifferencesClash) {
  EXPECT_EQ(unique_stems({safe_file_stem("Stichting X"), safe_file_stem("STICHTING x"), safe_file_stem("stichting-x")}),
            (std::vector<std::string>{"stichting-x", "stichting-x-2", "stichting-x-3"}));
}

TEST(UniqueStems, SuffixKeepsTheLengthCap) {
  std::string long_stem(max_stem_bytes, 'z');
  auto out = unique_stems({long_stem, long_stem});
  EXPECT_EQ(out[0], long_stem);
  EXPECT_EQ(out[1], std::string(max_stem_bytes - 2, 'z') + "-2");
}
