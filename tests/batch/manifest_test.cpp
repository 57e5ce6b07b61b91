#include "batch/manifest.hpp"

#include <gtest/gtest.h>

using namespace povo::batch;
using detail::append_json_string;

namespace {
std::string json_quoted(std::string_view s) {
  std::string out;
  append_json_string(out, s);
  return out;
}
}  // namespace

TEST(ManifestJson, EscapesStrings) {
  EXPECT_EQ(json_quoted("plain"), "\"plain\"");
  EXPECT_EQ(json_quoted("say \"hi\" \\ back"), "\"say \\\"hi\\\" \\\\ back\"");
  EXPECT_EQ(json_quoted("a\nb\tc\rd\be\ff"), "\"a\\nb\\tc\\rd\\be\\ff\"");
  EXPECT_EQ(json_quoted(std::string("\x01\x1f\x00", 3)), "\"\\u0001\\u001f\\u0000\"");
  EXPECT_EQ(json_quoted("/ and \x7f"), "\"/ and \x7f\"");
  EXPECT_EQ(json_quoted("Financiën – €"), "\"Financiën – €\"");  // UTF-8 passes through
  EXPECT_EQ(json_quoted("bad \xFF byte \xC3"), "\"bad \xEF\xBF\xBD byte \xEF\xBF\xBD\"");  // invalid UTF-8 -> U+FFFD
}

TEST(ManifestJson, ExactLayout) {
  ItemResult ok{"10001", "Stichting \"De\" Linde", "a.pdf", Status::ok, "", "ab12", 8, 1234, {"w1", "w\n2"}};
  ItemResult bad{"10002", "X", "b.pdf", Status::failed, "boom", "", 0, 0, {}};
  ItemResult later{"10003", "Y", "c.pdf", Status::not_run, "", "", 0, 0, {}};
  std::string json = detail::manifest_json({{"povo", "0.1.0"}, {"config", "job.yaml"}}, {ok, bad, later}, false);
  EXPECT_EQ(json,
            "{\n"
            "  \"manifest_version\": 1,\n"
            "  \"metadata\": {\n"
            "    \"povo\": \"0.1.0\",\n"
            "    \"config\": \"job.yaml\"\n"
            "  },\n"
            "  \"complete\": false,\n"
            "  \"counts\": {\"items\": 3, \"ok\": 1, \"reused\": 0, \"failed\": 1, \"not_run\": 1},\n"
            "  \"run_warnings\": [],\n"
            "  \"items\": [\n"
            "    {\n"
            "      \"id\": \"10001\",\n"
            "      \"title\": \"Stichting \\\"De\\\" Linde\",\n"
            "      \"file\": \"a.pdf\",\n"
            "      \"status\": \"ok\",\n"
            "      \"reused\": false,\n"
            "      \"sha256\": \"ab12\",\n"
            "      \"pages\": 8,\n"
            "      \"bytes\": 1234,\n"
            "      \"warnings\": [\"w1\", \"w\\n2\"],\n"
            "      \"error\": \"\"\n"
            "    },\n"
            "    {\n"
            "      \"id\": \"10002\",\n"
            "      \"title\": \"X\",\n"
            "      \"file\": \"b.pdf\",\n"
            "      \"status\": \"failed\",\n"
            "      \"reused\": false,\n"
            "      \"sha256\": \"\",\n"
            "      \"pages\": 0,\n"
            "      \"bytes\": 0,\n"
            "      \"warnings\": [],\n"
            "      \"error\": \"boom\"\n"
            "    },\n"
            "    {\n"
            "      \"id\": \"10003\",\n"
            "      \"title\": \"Y\",\n"
            "      \"file\": \"c.pdf\",\n"
            "      \"status\": \"not run\",\n"
            "      \"reused\": false,\n"
            "      \"sha256\": \"\",\n"
            "      \"pages\": 0,\n"
            "      \"bytes\": 0,\n"
            "      \"warnings\": [],\n"
            "      \"error\": \"\"\n"
            "    }\n"
            "  ]\n"
            "}\n");
}

TEST(ManifestJson, EmptyManifestIsValid) {
  std::string json = detail::manifest_json({}, {}, true);
  EXPECT_EQ(json,
            "{\n  \"manifest_version\": 1,\n  \"metadata\": {},\n  \"complete\": true,\n"
            "  \"counts\": {\"items\": 0, \"ok\": 0, \"reused\": 0, \"failed\": 0, \"not_run\": 0},\n"
            "  \"run_warnings\": [],\n"
            "  \"items\": []\n}\n");
  auto m = detail::parse_manifest(json);
  EXPECT_TRUE(m.complete);
  EXPECT_TRUE(m.items.empty());
}

TEST(ManifestJson, RoundTripsAwkwardStrings) {
  std::string awkward = "q\"b\\s/ctl\x01\x1f nl\n tab\t ë ĳ € 😀 \x7f";
  ItemResult r{awkward, awkward, "f.pdf", Status::reused, awkward, "00ff", 3, 99, {awkward, ""}};
  auto m = detail::parse_manifest(detail::manifest_json({{awkward, awkward}}, {r}, true));
  ASSERT_EQ(m.metadata.size(), 1u);
  EXPECT_EQ(m.metadata[0].first, awkward);
  EXPECT_EQ(m.metadata[0].second, awkward);
  ASSERT_EQ(m.items.size(), 1u);
  EXPECT_EQ(m.items[0].id, awkward);
  EXPECT_EQ(m.items[0].title, awkward);
  EXPECT_EQ(m.items[0].error, awkward);
  EXPECT_EQ(m.items[0].status, Status::reused);
  EXPECT_EQ(m.items[0].pages, 3);
  EXPECT_EQ(m.items[0].bytes, 99u);
  EXPECT_EQ(m.items[0].warnings, (std::vector<std::string>{awkward, ""}));
}

TEST(ManifestJson, ParserReadsEscapesAndRejectsGarbage) {
  auto m = detail::parse_manifest(R"({"items": [{"id": "\u00eb\ud83d\ude00\n", "status": "ok", "pages": 2}]})");
  ASSERT_EQ(m.items.size(), 1u);
  EXPECT_EQ(m.items[0].id, "ë😀\n");
  EXPECT_EQ(m.items[0].status, Status::ok);
  EXPECT_THROW(detail::parse_manifest("{\"items\": [}"), std::runtime_error);
  EXPECT_THROW(detail::parse_manifest("{\"items\": []} x"), std::runtime_error);
  EXPECT_THROW(detail::parse_manifest("{}"), std::runtime_error);
  EXPECT_THROW(detail::parse_manifest("\"a\nb\""), std::runtime_error);
  EXPECT_THROW(detail::parse_manifest(""), std::runtime_error);
}
