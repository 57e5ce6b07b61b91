// The outcomes indicator plugin: libpovo_outcomes.so. The logic is in povo_outcomes_impl.
#include "outcomes_indicators.hpp"

POVO_INDICATOR_PLUGIN(povo::outcomes::OutcomesIndicators, "outcomes", "1.0.0",
                      "Outcomes: po reference levels 1F and 2F/1S, vo pass rates per school type",
                      "aandeel_1f,aandeel_2f1s,slaagpercentage_vmbo,slaagpercentage_havo,slaagpercentage_vwo")
