#include "demo/names.hpp"

#include <array>
#include <cctype>
#include <string_view>
#include <vector>

namespace povo::demo::names {

namespace {

template <std::size_t N>
const char* pick(Rng& rng, const std::array<const char*, N>& a) {
  return a[static_cast<std::size_t>(rng.range(0, static_cast<std::int64_t>(N) - 1))];
}

constexpr std::array<const char*, 36> kRegionPrefix = {
    "Noorder", "Ooster", "Wester", "Zuider", "Midden", "Hoog", "Laag", "Groen", "Wilgen",
    "Linden", "Eiken", "Beuken", "Heide", "Veen", "Duin", "Zee", "Rivier", "Beek",
    "Kreek", "Es", "Brink", "Zilver", "Gouden", "Dijk", "Polder", "Water", "Klaver",
    "Vlinder", "Zonne", "Sterren", "Licht", "Berken", "Essen", "Hazel", "Iepen", "Rietvoorn"};
constexpr std::array<const char*, 24> kRegionSuffix = {
    "veld", "land", "waard", "horst", "stroom", "bron", "poort", "kring", "dal", "akker",
    "meer", "rijk", "hoeve", "vallei", "kwartier", "gouw", "oord", "wijk", "haven", "zoom",
    "kamp", "lanen", "hof", "weide"};
constexpr std::array<const char*, 12> kRegionSpecial = {
    "Tussen de Zeeën", "De Drie Zeeën", "Kindwijs Coöperatie", "Ideeënrijk", "Het Mozaïek",
    "Twee Rivieren", "Vier Windstreken", "De Groene Delta", "Lage Landen", "Zeven Dorpen",
    "Maasoevers Oost", "De Brede Kring"};
constexpr std::array<const char*, 10> kFrisian = {
    "Wâldrâne", "Mienskip", "Us Wâld", "Op 'e Hichte", "Sinnestriel", "De Greidhoeke",
    "Wâldhoeke", "Skoalle Mei Sin", "De Fryske Dyk", "Bûtenfjild"};
constexpr std::array<const char*, 64> kCore = {
    "De Linde", "Het Kompas", "De Regenboog", "'t Kofschip", "De Wegwijzer", "De Zevensprong",
    "Het Palet", "De Kameleon", "De Wereldwijzer", "De Klimop", "De Vlinder", "Het Anker",
    "De Bron", "De Fontein", "De Springplank", "De Schakel", "Het Carillon", "De Zonnebloem",
    "De Sterrenwacht", "Het Baken", "De Toermalijn", "De Wilgenhoek", "Het Kabouterbos",
    "De Triangel", "De Ark", "De Hoeksteen", "De Wingerd", "Het Mozaïek", "De Piramide",
    "De Tweemaster", "De Duinroos", "De Horizon", "De Meander", "Het Octaaf", "De Klaverweide",
    "De Boomgaard", "'t Hoekje", "De Vuurtoren", "Het Startpunt", "De Ontdekking",
    "De Ideeënfabriek", "Het Atelier", "De Kiem", "De Tamarisk", "De Eglantier",
    "De Notenkraker", "Het Vogelnest", "De Paddenstoel", "De Windroos", "De Kersenboom",
    "De Zeeën", "Het Kleurrijk", "De Parel", "De Uitkijk", "De Kring", "De Speelwei",
    "De Akker", "Het Talent", "De Globe", "De Bolster", "De Lichtboei", "'t Zonnehuis",
    "De Beukenhof", "De Poëziehof"};
constexpr std::array<const char*, 16> kSaints = {
    "Sint-Jozef", "Sint-Martinus", "Sint-Lambertus", "Sint-Willibrord", "Sint-Bavo",
    "Sint-Odulphus", "Sint-Servaas", "Sint-Clemens", "Sint-Agatha", "Sint-Theresia",
    "Sint-Lucia", "Sint-Barbara", "Sint-Franciscus", "Sint-Michaël", "Sint-Gerardus",
    "Sint-Cunera"};
constexpr std::array<const char*, 12> kLatin = {
    "Celeritas", "Fortitudo", "Concordia", "Veritas", "Lumen", "Aurora", "Sapientia",
    "Constantia", "Humanitas", "Libertas", "Prudentia", "Serenitas"};
constexpr std::array<const char*, 24> kStreetPrefix = {
    "School", "Kerk", "Molen", "Dorps", "Linden", "Beuken", "Eiken", "Wilgen", "Berken",
    "Kastanje", "Zonnedauw", "Klaver", "Vlier", "Meidoorn", "Hazelaar", "Sparren",
    "Populieren", "Esdoorn", "Rozen", "Tulpen", "Narcissen", "Lavendel", "Kievit", "Merel"};
constexpr std::array<const char*, 10> kStreetSuffix = {
    "straat", "laan", "weg", "pad", "plein", "singel", "dreef", "hof", "kade", "erf"};

std::string po_prefix(Rng& rng, const std::string& den) {
  if (den == "Openbaar") return rng.chance(0.7) ? "OBS" : (rng.chance(0.5) ? "Openbare Basisschool" : "IKC");
  if (den == "Protestants-Christelijk") return rng.chance(0.7) ? "CBS" : "Christelijke Basisschool";
  if (den == "Rooms-Katholiek") return rng.chance(0.6) ? "RKBS" : "Basisschool";
  if (den == "Reformatorisch") return "SGB";
  if (den == "Antroposofisch") return "Vrije School";
  if (den == "Islamitisch") return "Islamitische Basisschool";
  if (den == "Hindoeïstisch") return "Hindoeïstische Basisschool";
  constexpr std::array<const char*, 6> kAny = {"Basisschool", "Daltonschool", "Montessorischool",
                                               "Jenaplanschool", "Kindcentrum", "IKC"};
  return pick(rng, kAny);
}

}  // namespace

std::string region_name(Rng& rng, bool frisian) {
  if (frisian && rng.chance(0.5)) return pick(rng, kFrisian);
  if (rng.chance(0.06)) return pick(rng, kRegionSpecial);
  return std::string(pick(rng, kRegionPrefix)) + pick(rng, kRegionSuffix);
}

std::string core_name(Rng& rng, bool frisian) {
  if (frisian && rng.chance(0.3)) return pick(rng, kFrisian);
  if (rng.chance(0.7)) return pick(rng, kCore);
  return "De " + region_name(rng, false);
}

std::string po_school_name(Rng& rng, const std::string& den, bool sbo, bool frisian) {
  if (sbo) return (rng.chance(0.5) ? "SBO " : "Speciale Basisschool ") + core_name(rng, frisian);
  if (den == "Rooms-Katholiek" && rng.chance(0.3)) return po_prefix(rng, den) + " " + pick(rng, kSaints);
  return po_prefix(rng, den) + " " + core_name(rng, frisian);
}

std::string vo_school_name(Rng& rng, const std::string& structure, const std::string& den, bool frisian) {
  const std::string region = region_name(rng, frisian);
  if (structure == "PRO") return "Praktijkschool " + core_name(rng, frisian);
  if (structure == "VWO") return rng.chance(0.5) ? std::string("Gymnasium ") + pick(rng, kLatin)
                                                 : "Stedelijk Gymnasium " + region;
  if (structure == "MAVO") return region + " Mavo";
  if (rng.chance(0.02)) return "Scholengemeenschap \"" + region + "\"";
  if (den == "Rooms-Katholiek" && rng.chance(0.4)) return std::string(pick(rng, kSaints)) + " College";
  const double u = rng.uniform();
  if (u < 0.45) return region + " College";
  if (u < 0.65) return "Lyceum " + region;
  if (u < 0.8) return "Scholengemeenschap " + region;
  if (u < 0.9) return "Het " + region + " College";
  return std::string("Atheneum ") + pick(rng, kLatin);
}

std::string board_name(Rng& rng, bool vo, const std::string& den, bool single, const std::string& school,
                       bool frisian) {
  if (single && rng.chance(0.75)) {
    return (rng.chance(0.7) ? "Stichting " : "Vereniging ") + school;
  }
  const std::string r = region_name(rng, frisian);
  const std::string vo_word = vo ? "Voortgezet " : "";
  if (den == "Openbaar") {
    const double u = rng.uniform();
    if (u < 0.4) return "Stichting Openbaar " + vo_word + "Onderwijs " + r;
    if (u < 0.6) return "Openbaar Onderwijs " + r;
    return (vo ? "Scholengroep " : "Stichting ") + r;
  }
  if (den == "Rooms-Katholiek") return rng.chance(0.5) ? "Stichting Katholiek " + vo_word + "Onderwijs " + r
                                                       : "Stichting " + r;
  if (den == "Protestants-Christelijk")
    return rng.chance(0.5) ? "Vereniging voor Christelijk " + vo_word + "Onderwijs " + r
                           : "Stichting Protestants-Christelijk Onderwijs " + r;
  if (den == "Reformatorisch") return "Stichting voor Reformatorisch Onderwijs " + r;
  if (den == "Islamitisch") return "Stichting Islamitisch Onderwijs " + r;
  if (den == "Hindoeïstisch") return "Stichting Hindoeïstisch Onderwijs " + r;
  if (den == "Antroposofisch") return "Vereniging Vrije School " + r;
  if (den == "Gereformeerd vrijgemaakt") return "Vereniging Gereformeerd Onderwijs " + r;
  if (den == "Evangelisch") return "Stichting Evangelisch Onderwijs " + r;
  if (den.rfind("Samenwerking", 0) == 0) return "Stichting Samenwerkingsonderwijs " + r;
  if (vo) return rng.chance(0.5) ? "Scholengroep " + r : "Onderwijsgroep " + r;
  return rng.chance(0.5) ? "Stichting " + r : "Scholengroep " + r;
}

std::string street_name(Rng& rng) { return std::string(pick(rng, kStreetPrefix)) + pick(rng, kStreetSuffix); }

std::string house_number(Rng& rng) {
  std::string n = std::to_string(rng.range(1, 240));
  const double u = rng.uniform();
  if (u < 0.08) n += "a";
  else if (u < 0.1) n += "-1";
  return n;
}

std::string postcode(Rng& rng, const char* pc4) {
  static constexpr std::string_view kLetters = "ABCDEGHJKLMNPRTVWXZ";
  std::string pc = pc4;
  pc += ' ';
  pc += kLetters[static_cast<std::size_t>(rng.range(0, static_cast<std::int64_t>(kLetters.size()) - 1))];
  pc += kLetters[static_cast<std::size_t>(rng.range(0, static_cast<std::int64_t>(kLetters.size()) - 1))];
  return pc;
}

std::string website(const std::string& name) {
  std::string slug;
  for (std::size_t i = 0; i < name.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(name[i]);
    if (c >= 0x80) {
      // UTF-8 letters with diacritics used in our names: â ë ï é ú (2 bytes, C3 xx).
      if (c == 0xC3 && i + 1 < name.size()) {
        const unsigned char d = static_cast<unsigned char>(name[++i]);
        if (d == 0xA2 || d == 0xA0) slug += 'a';
        else if (d == 0xAB || d == 0xA9) slug += 'e';
        else if (d == 0xAF) slug += 'i';
        else if (d == 0xBB || d == 0xBA) slug += 'u';
      }
      continue;
    }
    if (std::isalnum(c)) slug += static_cast<char>(std::tolower(c));
    else if (!slug.empty() && slug.back() != '-') slug += '-';
  }
  while (!slug.empty() && slug.back() == '-') slug.pop_back();
  return "www." + slug + ".example";
}

std::string title_case(const std::string& caps) {
  std::string out;
  bool start = true;
  std::string word;
  auto flush = [&]() {
    if (word.empty()) return;
    std::string lower;
    for (char ch : word) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    static const std::array<const char*, 6> kSmall = {"en", "aan", "de", "den", "van", "op"};
    bool small = false;
    for (const char* s : kSmall) small = small || lower == s;
    if (!(small && !start) && !lower.empty()) lower[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(lower[0])));
    out += lower;
    word.clear();
    start = false;
  };
  for (char ch : caps) {
    if (ch == ' ' || ch == '-' || ch == '(' || ch == ')') {
      flush();
      out += ch;
    } else {
      word += ch;
    }
  }
  flush();
  return out;
}

}  // namespace povo::demo::names
