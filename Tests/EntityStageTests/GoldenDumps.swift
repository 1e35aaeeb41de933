/// Recorded outputs for `GoldenOutputTests` (from the stage before the speed work, commit ec2ae1a).
enum GoldenDumps {
    static let seed = #"""
25 38 ORG «Pacific Forum» canonical="Pacific Forum"
63 65 CARDINAL «19» canonical="19" value=19
70 72 CARDINAL «13» canonical="13" value=13
102 113 GPE «North Korea» canonical="North Korea" iso3="PRK"
147 165 ORG «US-ROK Cooperation» canonical="US-ROK Cooperation"
220 233 NORP «North Koreans» canonical="North Koreans" iso3="PRK"
809 823 ORG «United Nations» canonical="United Nations"
869 880 GPE «North Korea» canonical="North Korea" iso3="PRK"
975 993 PERSON «Thomas Buergenthal» canonical="Thomas Buergenthal"
1004 1032 ORG «International Criminal Court» canonical="International Criminal Court"
1055 1064 FAC «Auschwitz» canonical="Auschwitz"
1094 1106 NORP «North Korean» canonical="North Korean" iso3="PRK"
1154 1158 NORP «Nazi» canonical="Nazi"
1176 1189 NORP «North Koreans» canonical="North Koreans" iso3="PRK"
1286 1298 NORP «North Korean» canonical="North Korean" iso3="PRK"
1653 1656 PERCENT «80%» canonical="80%" value=80
1872 1883 GPE «North Korea» canonical="North Korea" iso3="PRK"
1947 1960 GPE «United States» canonical="United States" iso3="USA"
1965 1976 GPE «South Korea» canonical="South Korea" iso3="KOR"
2079 2091 PERSON «Donald Trump» canonical="Donald Trump"
2096 2107 PERSON «Moon Jae-in» canonical="Moon Jae-in"
2200 2212 NORP «North Korean» canonical="North Korean" iso3="PRK"
2282 2293 GPE «North Korea» canonical="North Korea" iso3="PRK"
2512 2525 GPE «United States» canonical="United States" iso3="USA"
2530 2541 GPE «South Korea» canonical="South Korea" iso3="KOR"
2594 2605 GPE «North Korea» canonical="North Korea" iso3="PRK"
2646 2662 LAW «Helsinki Accords» canonical="Helsinki Accords"
2666 2670 DATE «1975» canonical="1975" value="1975"
2776 2785 GPE «Pyongyang» canonical="Pyongyang"
2982 2993 GPE «North Korea» canonical="North Korea" iso3="PRK"
3068 3079 GPE «South Korea» canonical="South Korea" iso3="KOR"
3116 3126 MONEY «$8 million» canonical="$8 million" value=8000000
3154 3174 ORG «World Food Programme» canonical="World Food Programme"
3179 3221 ORG «UN International Children’s Emergency Fund» canonical="UN International Children’s Emergency Fund"
3223 3229 ORG «UNICEF» canonical="UN International Children’s Emergency Fund"
3236 3240 PERSON «Moon» canonical="Moon Jae-in"
3252 3260 DATE «May 2019» canonical="May 2019" value="2019-05"
3266 3279 GPE «United States» canonical="United States" iso3="USA"
3351 3363 NORP «North Korean» canonical="North Korean" iso3="PRK"

"""#

    static let seedHeuristics = #"""
25 38 ORG «Pacific Forum» canonical="Pacific Forum"
49 62 PERSON «Insights Vol.» canonical="Insights Vol."
63 65 CARDINAL «19» canonical="19" value=19
67 69 ORG «WP» canonical="WP"
70 72 CARDINAL «13» canonical="13" value=13
74 98 PERSON «Promoting the Well-Being» canonical="Promoting the Well-Being"
102 113 GPE «North Korea» canonical="North Korea" iso3="PRK"
147 165 PERSON «US-ROK Cooperation» canonical="US-ROK Cooperation"
220 233 NORP «North Koreans» canonical="North Koreans" iso3="PRK"
809 823 ORG «United Nations» canonical="United Nations"
869 880 GPE «North Korea» canonical="North Korea" iso3="PRK"
975 993 PERSON «Thomas Buergenthal» canonical="Thomas Buergenthal"
1004 1032 ORG «International Criminal Court» canonical="International Criminal Court"
1055 1064 FAC «Auschwitz» canonical="Auschwitz"
1094 1106 NORP «North Korean» canonical="North Korean" iso3="PRK"
1154 1158 NORP «Nazi» canonical="Nazi"
1176 1189 NORP «North Koreans» canonical="North Koreans" iso3="PRK"
1286 1298 NORP «North Korean» canonical="North Korean" iso3="PRK"
1653 1656 PERCENT «80%» canonical="80%" value=80
1872 1883 GPE «North Korea» canonical="North Korea" iso3="PRK"
1947 1960 GPE «United States» canonical="United States" iso3="USA"
1965 1976 GPE «South Korea» canonical="South Korea" iso3="KOR"
2079 2091 PERSON «Donald Trump» canonical="Donald Trump"
2096 2107 PERSON «Moon Jae-in» canonical="Moon Jae-in"
2200 2212 NORP «North Korean» canonical="North Korean" iso3="PRK"
2282 2293 GPE «North Korea» canonical="North Korea" iso3="PRK"
2512 2525 GPE «United States» canonical="United States" iso3="USA"
2530 2541 GPE «South Korea» canonical="South Korea" iso3="KOR"
2594 2605 GPE «North Korea» canonical="North Korea" iso3="PRK"
2646 2662 LAW «Helsinki Accords» canonical="Helsinki Accords"
2666 2670 DATE «1975» canonical="1975" value="1975"
2776 2785 GPE «Pyongyang» canonical="Pyongyang"
2982 2993 GPE «North Korea» canonical="North Korea" iso3="PRK"
3068 3079 GPE «South Korea» canonical="South Korea" iso3="KOR"
3116 3126 MONEY «$8 million» canonical="$8 million" value=8000000
3154 3174 ORG «World Food Programme» canonical="World Food Programme"
3179 3221 ORG «UN International Children’s Emergency Fund» canonical="UN International Children’s Emergency Fund"
3223 3229 ORG «UNICEF» canonical="UN International Children’s Emergency Fund"
3236 3240 PERSON «Moon» canonical="Moon Jae-in"
3252 3260 DATE «May 2019» canonical="May 2019" value="2019-05"
3266 3279 GPE «United States» canonical="United States" iso3="USA"
3351 3363 NORP «North Korean» canonical="North Korean" iso3="PRK"

"""#

    static let un = #"""
68 79 PERSON «Vuk Jeremić» canonical="Vuk Jeremić"
123 139 ORG «General Assembly» canonical="General Assembly"
147 160 CARDINAL «sixty-seventh» canonical="sixty-seventh" value=60
675 689 ORG «United Nations» canonical="United Nations"
834 848 ORG «United Nations» canonical="United Nations"
971 982 PERSON «Ban Ki-moon» canonical="Ban Ki-moon"
1058 1071 ORG «Action Agenda» canonical="Action Agenda"
1195 1220 ORG «United Nations Conference» canonical="United Nations Conference"
1249 1252 GPE «Rio» canonical="Rio"
1253 1255 CARDINAL «20» canonical="20" value=20
1266 1270 DATE «June» canonical="June"
1274 1288 GPE «Rio de Janeiro» canonical="Rio de Janeiro"
1433 1439 CARDINAL «66/288» canonical="66/288"
1778 1795 GPE «Republic of Korea» canonical="South Korea" iso3="KOR"
1812 1841 ORG «Global Green Growth Institute» canonical="Global Green Growth Institute"
1843 1847 ORG «GGGI» canonical="Global Green Growth Institute"
1850 1857 CARDINAL «Sixteen» canonical="Sixteen" value=16
1906 1910 ORG «GGGI» canonical="Global Green Growth Institute"
1933 1936 ORG «Rio» canonical="Rio"
1937 1939 CARDINAL «20» canonical="20" value=20
1957 1966 ORG «Institute» canonical="Institute"
2029 2036 DATE «October» canonical="October"
2042 2046 ORG «GGGI» canonical="Global Green Growth Institute"
2207 2213 NORP «Korean» canonical="Korean"
2356 2374 ORG «Green Climate Fund» canonical="Green Climate Fund"
2380 2388 GPE «Republic» canonical="Republic"
2392 2397 GPE «Korea» canonical="South Korea" iso3="KOR"
2496 2500 ORG «Fund» canonical="Fund"
2506 2523 GPE «Republic of Korea» canonical="South Korea" iso3="KOR"
2685 2699 ORG «United Nations» canonical="United Nations"
2705 2711 NORP «Korean» canonical="Korean"
2857 2885 ORG «Millennium Development Goals» canonical="Millennium Development Goals"
2891 2899 GPE «Republic» canonical="Republic"
2903 2908 GPE «Korea» canonical="South Korea" iso3="KOR"
2991 2995 DATE «2010» canonical="2010" value="2010"
2996 3008 EVENT «Seoul Summit» canonical="Seoul Summit"
3016 3031 ORG «Group of Twenty» canonical="Group of Twenty"
3040 3057 EVENT «Fourth High-level» canonical="Fourth High-level"
3067 3084 EVENT «Aid Effectiveness» canonical="Aid Effectiveness"
3094 3099 GPE «Busan» canonical="Busan"
3103 3107 DATE «2011» canonical="2011" value="2011"
3112 3116 DATE «June» canonical="June"
3122 3166 ORG «Global Partnership for Effective Development» canonical="Global Partnership for Effective Development"
3222 3227 NORP «Busan» canonical="Busan"
3245 3256 ORG «Busan Forum» canonical="Busan Forum"
3279 3297 ORG «Global Partnership» canonical="Global Partnership"
3593 3608 ORG «Education First» canonical="Education First"
3741 3747 NORP «Korean» canonical="Korean"
3810 3827 GPE «Republic of Korea» canonical="South Korea" iso3="KOR"
4227 4232 DATE «Today» canonical="Today"
4323 4337 ORG «United Nations» canonical="United Nations"
4542 4553 LOC «Middle East» canonical="Middle East"
4558 4570 GPE «North Africa» canonical="North Africa"
4680 4687 GPE «Myanmar» canonical="Myanmar" iso3="MMR"
4838 4843 GPE «Syria» canonical="Syria" iso3="SYR"
4991 5006 PERSON «Lakhdar Brahimi» canonical="Lakhdar Brahimi"
5012 5040 ORG «Joint Special Representative» canonical="Joint Special Representative"
5048 5062 ORG «United Nations» canonical="United Nations"
5071 5077 ORG «League» canonical="League"
5081 5092 EVENT «Arab States» canonical="Arab States"
5097 5102 GPE «Syria» canonical="Syria" iso3="SYR"
5108 5114 NORP «Korean» canonical="Korean"
5144 5150 NORP «Syrian» canonical="Syrian" iso3="SYR"
5236 5242 NORP «Korean» canonical="Korean"
5748 5765 GPE «Republic of Korea» canonical="South Korea" iso3="KOR"
5789 5803 ORG «United Nations» canonical="United Nations"
5819 5832 ORG «Member States» canonical="Member States"
6141 6155 ORG «United Nations» canonical="United Nations"
6488 6494 NORP «Korean» canonical="Korean"
6581 6588 GPE «Charter» canonical="Charter"
6596 6610 ORG «United Nations» canonical="United Nations"
6891 6908 GPE «Republic of Korea» canonical="South Korea" iso3="KOR"
7024 7037 GPE «Seoul Nuclear» canonical="Seoul Nuclear"
7038 7053 EVENT «Security Summit» canonical="Security Summit"
7249 7266 EVENT «During the Summit» canonical="During the Summit"
7272 7278 NORP «Korean» canonical="Korean"
7581 7599 EVENT «High-level Meeting» canonical="High-level Meeting"
7736 7748 EVENT «Seoul Summit» canonical="Seoul Summit"
8064 8068 DATE «2013» canonical="2013" value="2013"
8069 8093 EVENT «Conference on Cyberspace» canonical="Conference on Cyberspace"
8099 8116 GPE «Republic of Korea» canonical="South Korea" iso3="KOR"
8422 8434 NORP «North Korean» canonical="North Korean" iso3="PRK"
8513 8529 LOC «Korean peninsula» canonical="Korean Peninsula"
8534 8549 GPE «North-East Asia» canonical="North-East Asia"
8642 8670 EVENT «Democratic People’s Republic» canonical="Democratic People’s Republic"
8674 8679 GPE «Korea» canonical="South Korea" iso3="KOR"
8783 8799 LOC «Korean peninsula» canonical="Korean Peninsula"
8931 8968 GPE «Democratic People’s Republic of Korea» canonical="Democratic People’s Republic of Korea"
9002 9012 DATE «April 2012» canonical="April 2012" value="2012-04"
9058 9074 ORG «Security Council» canonical="Security Council"
9166 9194 EVENT «Democratic People’s Republic» canonical="Democratic People’s Republic"
9198 9203 GPE «Korea» canonical="South Korea" iso3="KOR"
9379 9396 EVENT «Democratic People» canonical="Democratic People"
9399 9416 GPE «Republic of Korea» canonical="South Korea" iso3="KOR"
9593 9610 EVENT «Democratic People» canonical="Democratic People"
9613 9630 GPE «Republic of Korea» canonical="South Korea" iso3="KOR"
9782 9796 ORG «United Nations» canonical="United Nations"
10037 10053 ORG «Security Council» canonical="Security Council"
10062 10071 DATE «2013-2014» canonical="2013-2014"
10082 10099 GPE «Republic of Korea» canonical="South Korea" iso3="KOR"
10190 10204 ORG «States Members» canonical="States Members"
10212 10226 ORG «United Nations» canonical="United Nations"
10280 10287 ORG «Council» canonical="Council"
10332 10338 ORG «United» canonical="United"
10339 10354 LAW «Nations Charter» canonical="Nations Charter"
10564 10578 ORG «United Nations» canonical="United Nations"
10635 10652 GPE «Republic of Korea» canonical="South Korea" iso3="KOR"
10722 10736 ORG «United Nations» canonical="United Nations"

"""#

    static let reuters = #"""
1 8 ORG «REUTERS» canonical="REUTERS"
72 76 CARDINAL «9001» canonical="9001" value=9001
85 89 CARDINAL «9001» canonical="9001" value=9001
98 109 CARDINAL «14-MAR-1988» canonical="14-MAR-1988" value=14
110 115 TIME «11:02» canonical="11:02"
116 121 CARDINAL «17.40» canonical="17.40" value=17.4
225 226 CARDINAL «5» canonical="5" value=5
229 230 CARDINAL «5» canonical="5" value=5
233 234 CARDINAL «5» canonical="5" value=5
241 243 CARDINAL «22» canonical="22" value=22
246 248 CARDINAL «22» canonical="22" value=22
251 252 CARDINAL «1» canonical="1" value=1
260 262 CARDINAL «31» canonical="31" value=31
273 294 ORG «BC-grain-board-prices» canonical="BC-grain-board-prices"
297 302 CARDINAL «03-14» canonical="03-14" value=17
303 307 CARDINAL «0088» canonical="0088" value=88
326 327 CARDINAL «2» canonical="2" value=2
336 344 NORP «CANADIAN» canonical="Canadian" iso3="CAN"
407 415 GPE «WINNIPEG» canonical="WINNIPEG"
417 425 DATE «March 14» canonical="March 14"
449 469 ORG «Canadian Wheat Board» canonical="Canadian Wheat Board"
508 515 CARDINAL «1988/89» canonical="1988/89"
535 542 PERCENT «4.5 pct» canonical="4.5 pct" value=4.5
554 562 DATE «August 1» canonical="August 1"
590 595 GPE «Japan» canonical="Japan" iso3="JPN"
604 616 GPE «Soviet Union» canonical="Soviet Union" iso3="SUN"
638 650 GPE «Old      New» canonical="Old New"
656 657 CARDINAL «1» canonical="1" value=1
668 674 CARDINAL «135.50» canonical="135.50" value=135.5
677 683 CARDINAL «141.60» canonical="141.60" value=141.6
689 690 CARDINAL «2» canonical="2" value=2
701 707 CARDINAL «131.00» canonical="131.00" value=131
710 716 CARDINAL «136.90» canonical="136.90" value=136.9
718 723 ORG «Durum» canonical="Durum"
734 740 CARDINAL «128.25» canonical="128.25" value=128.25
743 749 CARDINAL «134.00» canonical="134.00" value=134
769 780 PERSON «Martin Hale» canonical="Martin Hale"
799 805 GPE «Ottawa» canonical="Ottawa"
820 825 GPE «China» canonical="China" iso3="CHN"
838 841 CARDINAL «two» canonical="two" value=2
866 869 CARDINAL «300» canonical="300" value=300
874 882 NORP «Canadian» canonical="Canadian" iso3="CAN"
890 896 PERSON «Reuter» canonical="Reuter"
899 900 CARDINAL «3» canonical="3" value=3
918 925 ORG «REUTERS» canonical="REUTERS"
928 935 ORG «REUTERS» canonical="REUTERS"
999 1003 CARDINAL «9002» canonical="9002" value=9002
1012 1016 CARDINAL «9002» canonical="9002" value=9002
1025 1036 CARDINAL «14-MAR-1988» canonical="14-MAR-1988" value=14
1037 1042 TIME «12:40» canonical="12:40"
1043 1048 CARDINAL «05.11» canonical="05.11" value=5.11
1146 1147 CARDINAL «2» canonical="2" value=2
1156 1166 ORG «BUNDESBANK» canonical="BUNDESBANK"
1230 1239 GPE «FRANKFURT» canonical="FRANKFURT"
1241 1249 DATE «March 14» canonical="March 14"
1273 1283 ORG «Bundesbank» canonical="Bundesbank"
1353 1365 MONEY «1.6850 marks» canonical="1.6850 marks" value=1.685
1393 1399 DATE «Monday» canonical="Monday"
1405 1418 PERSON «Helmut Krause» canonical="Helmut Krause"
1467 1481 ORG «Group of Seven» canonical="Group of Seven"
1503 1508 GPE «Paris» canonical="Paris"
1512 1520 DATE «February» canonical="February"
1546 1559 ORG «Bank of Japan» canonical="Bank of Japan"
1601 1607 NORP «German» canonical="German" iso3="DEU"
1631 1638 PERCENT «7.2 pct» canonical="7.2 pct" value=7.2
1642 1649 DATE «January» canonical="January"
1680 1685 CARDINAL «three» canonical="three" value=3
1689 1696 PERCENT «six pct» canonical="six pct" value=6
1699 1705 PERSON «Reuter» canonical="Reuter"
1708 1709 CARDINAL «3» canonical="3" value=3
1727 1734 ORG «REUTERS» canonical="REUTERS"
1737 1744 ORG «REUTERS» canonical="REUTERS"
1806 1810 CARDINAL «9003» canonical="9003" value=9003
1819 1823 CARDINAL «9003» canonical="9003" value=9003
1832 1843 CARDINAL «15-MAR-1988» canonical="15-MAR-1988" value=15
1844 1849 TIME «09:15» canonical="09:15"
1850 1855 CARDINAL «44.02» canonical="44.02" value=44.02
1871 1872 CARDINAL «2» canonical="2" value=2
1909 1912 ORDINAL «4TH» canonical="4TH"
1943 1950 GPE «CHICAGO» canonical="Chicago"
1952 1960 DATE «March 15» canonical="March 15"
1984 1986 CARDINAL «42» canonical="42" value=42
1994 1996 CARDINAL «31» canonical="31" value=31
2009 2013 CARDINAL «12.4» canonical="12.4" value=12.4
2021 2024 CARDINAL «9.1» canonical="9.1" value=9.1
2038 2043 CARDINAL «210.5» canonical="210.5" value=210.5
2051 2056 CARDINAL «188.2» canonical="188.2" value=188.2
2074 2078 CARDINAL «1.55» canonical="1.55" value=1.55
2087 2091 CARDINAL «1.20» canonical="1.20" value=1.2
2107 2126 ORG «Acme Industries Inc» canonical="Acme Industries Inc"
2158 2161 CARDINAL «1.3» canonical="1.3" value=1.3
2192 2198 GPE «Toledo» canonical="Toledo"
2200 2204 GPE «Ohio» canonical="Ohio"
2215 2233 ORG «General Tool Corp.» canonical="General Tool Corp."
2235 2241 PERSON «Reuter» canonical="Reuter"
2244 2245 CARDINAL «3» canonical="3" value=3
2263 2270 ORG «REUTERS» canonical="REUTERS"

"""#
}
