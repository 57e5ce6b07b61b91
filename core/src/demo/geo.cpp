#include "demo/model.hpp"

namespace povo::demo {

namespace {
#include "demo/geo_nl_table.inc"
}  // namespace

const std::vector<GeoMunicipality>& geo_municipalities() {
  static const std::vector<GeoMunicipality> v(std::begin(kMunicipalities), std::end(kMunicipalities));
  return v;
}

const std::vector<GeoPlace>& geo_places() {
  static const std::vector<GeoPlace> v(std::begin(kPlaces), std::end(kPlaces));
  return v;
}

}  // namespace povo::demo
