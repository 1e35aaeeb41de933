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
72 76 CARDINAL «5548» canonical="5548" value=5548
85 86 CARDINAL «5» canonical="5" value=5
95 106 CARDINAL «26-FEB-1987» canonical="26-FEB-1987" value=26
107 112 TIME «15:10» canonical="15:10"
113 118 CARDINAL «44.60» canonical="44.60" value=44.6
337 338 CARDINAL «5» canonical="5" value=5
341 342 CARDINAL «5» canonical="5" value=5
345 346 CARDINAL «5» canonical="5" value=5
353 355 CARDINAL «22» canonical="22" value=22
358 360 CARDINAL «22» canonical="22" value=22
363 364 CARDINAL «1» canonical="1" value=1
372 374 CARDINAL «31» canonical="31" value=31
385 402 ORG «BC-average-prices» canonical="BC-average-prices"
405 410 CARDINAL «02-26» canonical="02-26" value=28
411 415 CARDINAL «0095» canonical="0095" value=95
434 435 CARDINAL «2» canonical="2" value=2
515 525 GPE «WASHINGTON» canonical="Washington"
527 533 DATE «Feb 26» canonical="Feb 26"
557 561 GPE «U.S.» canonical="United States" iso3="USA"
562 584 ORG «Agriculture Department» canonical="Agriculture Department"
659 670 DATE «February 25» canonical="February 25"
683 702 EVENT «Dlrs/Bu-Sorghum Cwt» canonical="Dlrs/Bu-Sorghum Cwt"
715 751 ORG «Natl   Loan           Release   Call» canonical="Natl Loan Release Call"
776 797 ORG «Level    Price  Price» canonical="Level Price Price"
807 811 CARDINAL «2.55» canonical="2.55" value=2.55
814 818 CARDINAL «2.40» canonical="2.40" value=2.4
832 836 CARDINAL «4.65» canonical="4.65" value=4.65
878 882 CARDINAL «4.65» canonical="4.65" value=4.65
917 919 ORG «VI» canonical="VI"
924 928 CARDINAL «4.45» canonical="4.45" value=4.45
945 949 CARDINAL «1.35» canonical="1.35" value=1.35
952 956 CARDINAL «1.92» canonical="1.92" value=1.92
970 974 CARDINAL «3.15» canonical="3.15" value=3.15
977 981 CARDINAL «3.15» canonical="3.15" value=3.15
1016 1020 CARDINAL «3.25» canonical="3.25" value=3.25
1033 1037 DATE «1986» canonical="1986" value="1986"
1056 1091 ORG «Natl   Loan          Release   Call» canonical="Natl Loan Release Call"
1117 1137 ORG «Level   Price  Price» canonical="Level Price Price"
1148 1152 CARDINAL «1.24» canonical="1.24" value=1.24
1155 1159 CARDINAL «0.99» canonical="0.99" value=0.99
1172 1176 CARDINAL «1.65» canonical="1.65" value=1.65
1201 1205 CARDINAL «1.56» canonical="1.56" value=1.56
1218 1222 CARDINAL «2.55» canonical="2.55" value=2.55
1225 1229 CARDINAL «2.55» canonical="2.55" value=2.55
1264 1268 CARDINAL «2.65» canonical="2.65" value=2.65
1286 1290 CARDINAL «2.34» canonical="2.34" value=2.34
1293 1299 CARDINAL «3.25-Y» canonical="3.25-Y" value=3.25
1310 1314 CARDINAL «5.36» canonical="5.36" value=5.36
1317 1321 CARDINAL «5.36» canonical="5.36" value=5.36
1356 1360 CARDINAL «5.54» canonical="5.54" value=5.54
1384 1386 ORG «II» canonical="II"
1391 1394 ORG «III» canonical="III"
1409 1417 ORG «Level IV» canonical="Level IV"
1447 1458 DATE «Oct 6, 1981» canonical="Oct 6, 1981" value="1981-10-06"
1483 1487 DATE «July» canonical="July"
1488 1490 CARDINAL «23» canonical="23" value=23
1492 1496 DATE «1981» canonical="1981" value="1981"
1535 1542 CARDINAL «5/14/82» canonical="5/14/82"
1563 1569 CARDINAL «7/1/82» canonical="7/1/82"
1571 1579 ORG «Level VI» canonical="Level VI"
1607 1623 DATE «January 19, 1984» canonical="January 19, 1984" value="1984-01-19"
1656 1663 QUANTITY «100 lbs» canonical="100 lbs" value=100
1687 1693 PERSON «Reuter» canonical="Reuter"
1696 1697 CARDINAL «3» canonical="3" value=3
1715 1722 ORG «REUTERS» canonical="REUTERS"
1725 1732 ORG «REUTERS» canonical="REUTERS"
1796 1800 CARDINAL «5592» canonical="5592" value=5592
1809 1811 CARDINAL «49» canonical="49" value=49
1820 1831 CARDINAL «26-FEB-1987» canonical="26-FEB-1987" value=26
1832 1837 TIME «15:52» canonical="15:52"
1838 1843 CARDINAL «25.60» canonical="25.60" value=25.6
2014 2015 CARDINAL «5» canonical="5" value=5
2018 2019 CARDINAL «5» canonical="5" value=5
2022 2023 CARDINAL «5» canonical="5" value=5
2032 2034 CARDINAL «22» canonical="22" value=22
2037 2039 CARDINAL «22» canonical="22" value=22
2042 2043 CARDINAL «1» canonical="1" value=1
2051 2053 CARDINAL «31» canonical="31" value=31
2064 2085 ORG «BC-panama-canal-ships» canonical="BC-panama-canal-ships"
2088 2093 CARDINAL «02-26» canonical="02-26" value=28
2094 2098 CARDINAL «0071» canonical="0071" value=71
2117 2118 CARDINAL «2» canonical="2" value=2
2142 2144 CARDINAL «39» canonical="39" value=39
2162 2168 GPE «PANAMA» canonical="Panama" iso3="PAN"
2197 2207 GPE «WASHINGTON» canonical="Washington"
2209 2215 DATE «Feb 26» canonical="Feb 26"
2239 2262 ORG «Panama Canal Commission» canonical="Panama Canal Commission"
2266 2270 GPE «U.S.» canonical="United States" iso3="USA"
2354 2356 CARDINAL «39» canonical="39" value=39
2396 2401 DATE «today» canonical="today"
2417 2420 CARDINAL «two» canonical="two" value=2
2467 2471 CARDINAL «2/26» canonical="2/26"
2473 2477 CARDINAL «2/27» canonical="2/27"
2506 2508 CARDINAL «27» canonical="27" value=27
2512 2514 CARDINAL «35» canonical="35" value=35
2543 2545 CARDINAL «35» canonical="35" value=35
2549 2551 CARDINAL «41» canonical="41" value=41
2580 2582 CARDINAL «31» canonical="31" value=31
2586 2588 CARDINAL «25» canonical="25" value=25
2614 2622 DATE «tomorrow» canonical="tomorrow"
2667 2672 ORG «North» canonical="North"
2679 2685 TIME «13 hrs» canonical="13 hrs"
2691 2697 TIME «15 hrs» canonical="15 hrs"
2699 2704 NORP «South» canonical="South"
2712 2717 TIME «4 hrs» canonical="4 hrs"
2723 2729 TIME «26 hrs» canonical="26 hrs"
2731 2737 PERSON «Reuter» canonical="Reuter"
2740 2741 CARDINAL «3» canonical="3" value=3
2759 2766 ORG «REUTERS» canonical="REUTERS"
2769 2776 ORG «REUTERS» canonical="REUTERS"
2840 2844 CARDINAL «5640» canonical="5640" value=5640
2853 2855 CARDINAL «97» canonical="97" value=97
2864 2875 CARDINAL «26-FEB-1987» canonical="26-FEB-1987" value=26
2876 2881 TIME «16:32» canonical="16:32"
2882 2887 CARDINAL «51.69» canonical="51.69" value=51.69
3131 3132 CARDINAL «5» canonical="5" value=5
3135 3136 CARDINAL «5» canonical="5" value=5
3139 3140 CARDINAL «5» canonical="5" value=5
3147 3149 CARDINAL «22» canonical="22" value=22
3152 3154 CARDINAL «22» canonical="22" value=22
3157 3158 CARDINAL «1» canonical="1" value=1
3166 3168 CARDINAL «31» canonical="31" value=31
3179 3202 ORG «BC-ASCS-TERMINAL-MARKET» canonical="BC-ASCS-TERMINAL-MARKET"
3205 3210 CARDINAL «02-26» canonical="02-26" value=28
3211 3215 CARDINAL «0113» canonical="0113" value=113
3234 3235 CARDINAL «2» canonical="2" value=2
3244 3248 ORG «ASCS» canonical="Conservation Service"
3308 3319 GPE «KANSAS CITY» canonical="KANSAS CITY"
3321 3327 DATE «Feb 26» canonical="Feb 26"
3351 3377 ORG «Agricultural Stabilization» canonical="Agricultural Stabilization"
3382 3402 ORG «Conservation Service» canonical="Conservation Service"
3404 3408 ORG «ASCS» canonical="Conservation Service"
3513 3541 ORG «Commodity Credit Corporation» canonical="Commodity Credit Corporation"
3634 3638 GPE «U.S.» canonical="United States" iso3="USA"
3670 3673 ORG «CWT» canonical="CWT"
3714 3717 ORG «HRW» canonical="Human Rights Watch"
3746 3753 GPE «Chicago» canonical="Chicago"
3766 3770 CARDINAL «3.04» canonical="3.04" value=3.04
3773 3777 CARDINAL «2.98» canonical="2.98" value=2.98
3816 3820 CARDINAL «3.16» canonical="3.16" value=3.16
3852 3856 CARDINAL «3.04» canonical="3.04" value=3.04
3859 3863 CARDINAL «2.98» canonical="2.98" value=2.98
3865 3869 CARDINAL «2.90» canonical="2.90" value=2.9
3902 3906 CARDINAL «3.05» canonical="3.05" value=3.05
3945 3949 CARDINAL «3.11» canonical="3.11" value=3.11
3961 3967 PERSON «Denver» canonical="Denver"
3975 3979 CARDINAL «2.62» canonical="2.62" value=2.62
3981 3985 CARDINAL «2.63» canonical="2.63" value=2.63
4029 4033 CARDINAL «2.99» canonical="2.99" value=2.99
4045 4055 ORG «Cincinnati» canonical="Cincinnati"
4071 4075 CARDINAL «2.96» canonical="2.96" value=2.96
4087 4098 ORG «Minneapolis» canonical="Minneapolis"
4101 4105 CARDINAL «2.65» canonical="2.65" value=2.65
4107 4111 CARDINAL «2.71» canonical="2.71" value=2.71
4125 4129 CARDINAL «3.70» canonical="3.70" value=3.7
4131 4140 GPE «Baltimore» canonical="Baltimore"
4143 4147 GPE «Norf» canonical="Norf"
4149 4153 PERSON «Phil» canonical="Phil"
4169 4173 CARDINAL «3.06» canonical="3.06" value=3.06
4175 4179 CARDINAL «2.98» canonical="2.98" value=2.98
4185 4196 ORG «Kansas City» canonical="Kansas City"
4199 4203 CARDINAL «2.87» canonical="2.87" value=2.87
4211 4215 CARDINAL «3.17» canonical="3.17" value=3.17
4227 4230 GPE «St.» canonical="St."
4231 4236 ORG «Louis» canonical="Louis"
4241 4245 CARDINAL «3.03» canonical="3.03" value=3.03
4253 4257 CARDINAL «3.03» canonical="3.03" value=3.03
4269 4277 GPE «Amarillo» canonical="Amarillo"
4294 4298 CARDINAL «2.64» canonical="2.64" value=2.64
4336 4339 ORG «HRW» canonical="Human Rights Watch"
4367 4370 PERSON «Lou» canonical="Lou Gulf"
4372 4376 LOC «Gulf» canonical="Gulf"
4393 4397 CARDINAL «3.16» canonical="3.16" value=3.16
4409 4417 GPE «Portland» canonical="Portland"
4420 4427 ORG «Seattle» canonical="Seattle"
4434 4438 CARDINAL «3.07» canonical="3.07" value=3.07
4440 4444 CARDINAL «3.08» canonical="3.08" value=3.08
4452 4456 CARDINAL «3.10» canonical="3.10" value=3.1
4458 4462 CARDINAL «3.70» canonical="3.70" value=3.7
4478 4482 CARDINAL «2.78» canonical="2.78" value=2.78
4506 4510 ORG «L.A.» canonical="L.A."
4520 4524 CARDINAL «3.23» canonical="3.23" value=3.23
4544 4548 CARDINAL «4.05» canonical="4.05" value=4.05
4550 4556 ORG «Duluth» canonical="Duluth"
4564 4568 CARDINAL «2.65» canonical="2.65" value=2.65
4570 4574 CARDINAL «2.71» canonical="2.71" value=2.71
4588 4592 CARDINAL «3.70» canonical="3.70" value=3.7
4599 4603 LOC «Gulf» canonical="Gulf"
4608 4612 CARDINAL «3.10» canonical="3.10" value=3.1
4620 4624 CARDINAL «3.16» canonical="3.16" value=3.16
4685 4692 GPE «Chicago» canonical="Chicago"
4697 4701 CARDINAL «1.47» canonical="1.47" value=1.47
4721 4725 CARDINAL «4.81» canonical="4.81" value=4.81
4727 4731 CARDINAL «2.49» canonical="2.49" value=2.49
4745 4749 CARDINAL «1.49» canonical="1.49" value=1.49
4751 4755 CARDINAL «2.04» canonical="2.04" value=2.04
4769 4773 CARDINAL «4.85» canonical="4.85" value=4.85
4775 4779 CARDINAL «2.52» canonical="2.52" value=2.52
4781 4787 ORG «Toledo» canonical="Toledo"
4793 4797 CARDINAL «1.41» canonical="1.41" value=1.41
4799 4803 CARDINAL «2.04» canonical="2.04" value=2.04
4805 4809 CARDINAL «1.50» canonical="1.50" value=1.5
4817 4821 CARDINAL «4.78» canonical="4.78" value=4.78
4823 4827 CARDINAL «2.39» canonical="2.39" value=2.39
4829 4836 ORG «Memphis» canonical="Memphis"
4841 4845 CARDINAL «1.59» canonical="1.59" value=1.59
4847 4851 CARDINAL «1.95» canonical="1.95" value=1.95
4853 4857 CARDINAL «1.71» canonical="1.71" value=1.71
4865 4869 CARDINAL «4.90» canonical="4.90" value=4.9
4871 4875 CARDINAL «2.86» canonical="2.86" value=2.86
4877 4883 ORG «Peoria» canonical="Peoria"
4889 4893 CARDINAL «1.51» canonical="1.51" value=1.51
4913 4917 CARDINAL «4.80» canonical="4.80" value=4.8
4919 4923 CARDINAL «2.60» canonical="2.60" value=2.6
4925 4931 PERSON «Denver» canonical="Denver"
4937 4941 CARDINAL «1.56» canonical="1.56" value=1.56
4943 4947 CARDINAL «1.56» canonical="1.56" value=1.56
4967 4971 CARDINAL «2.54» canonical="2.54" value=2.54
4973 4981 ORG «Evnsvlle» canonical="Evnsvlle"
4985 4989 CARDINAL «1.54» canonical="1.54" value=1.54
4991 4995 CARDINAL «2.04» canonical="2.04" value=2.04
4997 5001 CARDINAL «1.50» canonical="1.50" value=1.5
5003 5007 CARDINAL «2.17» canonical="2.17" value=2.17
5009 5013 CARDINAL «4.90» canonical="4.90" value=4.9
5015 5019 CARDINAL «2.61» canonical="2.61" value=2.61
5021 5026 ORG «Cinci» canonical="Cinci"
5033 5037 CARDINAL «1.52» canonical="1.52" value=1.52
5039 5043 CARDINAL «2.04» canonical="2.04" value=2.04
5045 5049 CARDINAL «1.50» canonical="1.50" value=1.5
5051 5055 CARDINAL «2.17» canonical="2.17" value=2.17
5057 5061 CARDINAL «4.85» canonical="4.85" value=4.85
5063 5067 CARDINAL «2.58» canonical="2.58" value=2.58
5069 5073 ORG «Mpls» canonical="Mpls"
5081 5085 CARDINAL «1.34» canonical="1.34" value=1.34
5087 5091 CARDINAL «1.75» canonical="1.75" value=1.75
5093 5097 CARDINAL «1.50» canonical="1.50" value=1.5
5099 5103 CARDINAL «1.85» canonical="1.85" value=1.85
5105 5109 CARDINAL «4.68» canonical="4.68" value=4.68
5126 5130 PERSON «Phil» canonical="Phil"
5138 5142 CARDINAL «1.70» canonical="1.70" value=1.7
5144 5148 CARDINAL «1.80» canonical="1.80" value=1.8
5162 5166 CARDINAL «4.98» canonical="4.98" value=4.98
5168 5172 CARDINAL «3.12» canonical="3.12" value=3.12
5174 5176 ORG «KC» canonical="KC"
5186 5190 CARDINAL «1.49» canonical="1.49" value=1.49
5192 5196 CARDINAL «1.56» canonical="1.56" value=1.56
5198 5202 CARDINAL «1.64» canonical="1.64" value=1.64
5210 5214 CARDINAL «4.76» canonical="4.76" value=4.76
5216 5220 CARDINAL «2.58» canonical="2.58" value=2.58
5222 5227 ORG «St Lo» canonical="St Lo"
5234 5238 CARDINAL «1.54» canonical="1.54" value=1.54
5246 5250 CARDINAL «1.66» canonical="1.66" value=1.66
5258 5262 CARDINAL «4.90» canonical="4.90" value=4.9
5264 5268 CARDINAL «2.91» canonical="2.91" value=2.91
5270 5276 GPE «Amarlo» canonical="Amarlo"
5279 5285 GPE «Lubbck» canonical="Lubbck"
5291 5295 CARDINAL «1.84» canonical="1.84" value=1.84
5297 5301 CARDINAL «1.40» canonical="1.40" value=1.4
5315 5319 CARDINAL «4.75» canonical="4.75" value=4.75
5321 5325 CARDINAL «2.92» canonical="2.92" value=2.92
5327 5335 PERSON «Lou Gulf» canonical="Lou Gulf"
5339 5343 CARDINAL «1.73» canonical="1.73" value=1.73
5363 5367 CARDINAL «5.05» canonical="5.05" value=5.05
5369 5373 CARDINAL «3.12» canonical="3.12" value=3.12
5382 5389 ORG «Seattle» canonical="Seattle"
5394 5398 CARDINAL «1.87» canonical="1.87" value=1.87
5400 5404 CARDINAL «2.10» canonical="2.10" value=2.1
5406 5410 CARDINAL «1.68» canonical="1.68" value=1.68
5440 5444 CARDINAL «2.18» canonical="2.18" value=2.18
5446 5450 CARDINAL «2.23» canonical="2.23" value=2.23
5452 5456 CARDINAL «2.10» canonical="2.10" value=2.1
5470 5474 CARDINAL «4.00» canonical="4.00" value=4
5476 5478 ORG «LA» canonical="LA"
5488 5492 CARDINAL «2.54» canonical="2.54" value=2.54
5494 5498 CARDINAL «2.50» canonical="2.50" value=2.5
5518 5522 CARDINAL «4.38» canonical="4.38" value=4.38
5524 5530 ORG «Duluth» canonical="Duluth"
5536 5540 CARDINAL «1.34» canonical="1.34" value=1.34
5542 5546 CARDINAL «1.75» canonical="1.75" value=1.75
5548 5552 CARDINAL «1.50» canonical="1.50" value=1.5
5554 5558 CARDINAL «1.85» canonical="1.85" value=1.85
5560 5564 CARDINAL «4.68» canonical="4.68" value=4.68
5570 5578 ORG «Tex Gulf» canonical="Tex Gulf"
5582 5586 CARDINAL «1.73» canonical="1.73" value=1.73
5588 5592 CARDINAL «1.48» canonical="1.48" value=1.48
5594 5598 CARDINAL «1.73» canonical="1.73" value=1.73
5606 5610 CARDINAL «5.05» canonical="5.05" value=5.05
5612 5616 CARDINAL «3.12» canonical="3.12" value=3.12
5618 5624 PERSON «Reuter» canonical="Reuter"
5627 5628 CARDINAL «3» canonical="3" value=3
5646 5653 ORG «REUTERS» canonical="REUTERS"
5656 5663 ORG «REUTERS» canonical="REUTERS"
5726 5730 CARDINAL «5545» canonical="5545" value=5545
5739 5740 CARDINAL «2» canonical="2" value=2
5749 5760 CARDINAL «26-FEB-1987» canonical="26-FEB-1987" value=26
5761 5766 TIME «15:02» canonical="15:02"
5767 5772 CARDINAL «20.00» canonical="20.00" value=20
5919 5920 CARDINAL «5» canonical="5" value=5
5923 5924 CARDINAL «5» canonical="5" value=5
5927 5928 CARDINAL «5» canonical="5" value=5
5935 5937 CARDINAL «22» canonical="22" value=22
5940 5942 CARDINAL «22» canonical="22" value=22
5945 5946 CARDINAL «1» canonical="1" value=1
5954 5956 CARDINAL «31» canonical="31" value=31
5997 6002 CARDINAL «02-26» canonical="02-26" value=28
6003 6007 CARDINAL «0082» canonical="0082" value=82
6026 6027 CARDINAL «2» canonical="2" value=2
6103 6112 GPE «CLEVELAND» canonical="CLEVELAND"
6114 6120 DATE «Feb 26» canonical="Feb 26"
6140 6155 ORG «Standard Oil Co» canonical="Standard Oil Co"
6160 6176 ORG «BP North America» canonical="BP North America"
6177 6180 ORG «Inc» canonical="Inc"
6300 6316 ORG «BP North America» canonical="BP North America"
6336 6356 EVENT «British Petroleum Co» canonical="British Petroleum Co"
6357 6362 ORG «Plc &» canonical="Plc &"
6365 6367 ORG «BP» canonical="BP"
6388 6394 PERCENT «55 pct» canonical="55 pct" value=55
6407 6419 ORG «Standard Oil» canonical="Standard Oil"
6452 6481 ORG «BP/Standard Financial Trading» canonical="BP/Standard Financial Trading"
6506 6518 ORG «Standard Oil» canonical="Standard Oil"
6574 6580 PERSON «Reuter» canonical="Reuter"
6583 6584 CARDINAL «3» canonical="3" value=3
6602 6609 ORG «REUTERS» canonical="REUTERS"

"""#
}
