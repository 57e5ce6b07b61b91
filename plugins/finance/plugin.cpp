// The finance indicator plugin: libpovo_finance.so. The logic is in povo_finance_impl.
#include "finance_indicators.hpp"

POVO_INDICATOR_PLUGIN(povo::finance::FinanceIndicators, "finance", "1.0.0",
                      "Financial key figures and Inspectie signalling values (solvabiliteit, liquiditeit, "
                      "rentabiliteit, normatief publiek eigen vermogen, ...)",
                      "solvabiliteit_1,solvabiliteit_2,liquiditeit,rentabiliteit,rentabiliteit_2j,rentabiliteit_3j,"
                      "weerstandsvermogen,huisvestingsratio,personeelslasten_ratio,baten_per_leerling,"
                      "liquide_middelen_absoluut,normatief_publiek_ev,ratio_bovenmatig_ev,mogelijk_bovenmatig_ev")
