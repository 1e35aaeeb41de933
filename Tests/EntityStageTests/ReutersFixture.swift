/// A Reuters-21578 excerpt (four raw SGML stories with a small results table), for the golden test.
enum ReutersFixture {
    /// The raw SGML text.
    static let text = #"""
<REUTERS TOPICS="YES" LEWISSPLIT="TRAIN" CGISPLIT="TRAINING-SET" OLDID="5548" NEWID="5">
<DATE>26-FEB-1987 15:10:44.60</DATE>
<TOPICS><D>grain</D><D>wheat</D><D>corn</D><D>barley</D><D>oat</D><D>sorghum</D></TOPICS>
<PLACES><D>usa</D></PLACES>
<PEOPLE></PEOPLE>
<ORGS></ORGS>
<EXCHANGES></EXCHANGES>
<COMPANIES></COMPANIES>
<UNKNOWN> 
&#5;&#5;&#5;C G
&#22;&#22;&#1;f0738&#31;reute
u f BC-average-prices   02-26 0095</UNKNOWN>
<TEXT>&#2;
<TITLE>NATIONAL AVERAGE PRICES FOR FARMER-OWNED RESERVE</TITLE>
<DATELINE>    WASHINGTON, Feb 26 - </DATELINE><BODY>The U.S. Agriculture Department
reported the farmer-owned reserve national five-day average
price through February 25 as follows (Dlrs/Bu-Sorghum Cwt) -
         Natl   Loan           Release   Call
         Avge   Rate-X  Level    Price  Price
 Wheat   2.55   2.40       IV     4.65     --
                            V     4.65     --
                           VI     4.45     --
 Corn    1.35   1.92       IV     3.15   3.15
                            V     3.25     --
 X - 1986 Rates.

          Natl   Loan          Release   Call
          Avge   Rate-X  Level   Price  Price
 Oats     1.24   0.99        V    1.65    -- 
 Barley   n.a.   1.56       IV    2.55   2.55
                             V    2.65    -- 
 Sorghum  2.34   3.25-Y     IV    5.36   5.36
                             V    5.54    -- 
    Reserves I, II and III have matured. Level IV reflects
grain entered after Oct 6, 1981 for feedgrain and after July
23, 1981 for wheat. Level V wheat/barley after 5/14/82,
corn/sorghum after 7/1/82. Level VI covers wheat entered after
January 19, 1984.  X-1986 rates. Y-dlrs per CWT (100 lbs).
n.a.-not available.
 Reuter
&#3;</BODY></TEXT>
</REUTERS>
<REUTERS TOPICS="YES" LEWISSPLIT="TRAIN" CGISPLIT="TRAINING-SET" OLDID="5592" NEWID="49">
<DATE>26-FEB-1987 15:52:25.60</DATE>
<TOPICS><D>ship</D></TOPICS>
<PLACES><D>usa</D><D>panama</D></PLACES>
<PEOPLE></PEOPLE>
<ORGS></ORGS>
<EXCHANGES></EXCHANGES>
<COMPANIES></COMPANIES>
<UNKNOWN> 
&#5;&#5;&#5;G T M
&#22;&#22;&#1;f0888&#31;reute
d f BC-panama-canal-ships   02-26 0071</UNKNOWN>
<TEXT>&#2;
<TITLE>AGENCY REPORTS 39 SHIPS WAITING AT PANAMA CANAL</TITLE>
<DATELINE>    WASHINGTON, Feb 26 - </DATELINE><BODY>The Panama Canal Commission, a U.S.
government agency, said in its daily operations report that
there was a backlog of 39 ships waiting to enter the canal
early today. Over the next two days it expects --              
             2/26  2/27
                       Due: 27    35
      Scheduled to Transit: 35    41
           End-Day Backlog: 31    25
    Average waiting time tomorrow --
         Super Tankers  Regular Vessels
 North End:  13 hrs      15 hrs
 South End:   4 hrs      26 hrs
 Reuter
&#3;</BODY></TEXT>
</REUTERS>
<REUTERS TOPICS="YES" LEWISSPLIT="TRAIN" CGISPLIT="TRAINING-SET" OLDID="5640" NEWID="97">
<DATE>26-FEB-1987 16:32:51.69</DATE>
<TOPICS><D>grain</D><D>wheat</D><D>corn</D><D>oat</D><D>rye</D><D>sorghum</D><D>soybean</D><D>oilseed</D></TOPICS>
<PLACES><D>usa</D></PLACES>
<PEOPLE></PEOPLE>
<ORGS></ORGS>
<EXCHANGES></EXCHANGES>
<COMPANIES></COMPANIES>
<UNKNOWN> 
&#5;&#5;&#5;C G
&#22;&#22;&#1;f0025&#31;reute
u f BC-ASCS-TERMINAL-MARKET   02-26 0113</UNKNOWN>
<TEXT>&#2;
<TITLE>ASCS TERMINAL MARKET VALUES FOR PIK GRAIN</TITLE>
<DATELINE>    KANSAS CITY, Feb 26 - </DATELINE><BODY>The Agricultural Stabilization and
Conservation Service (ASCS) has established these unit values
for commodities offered from government stocks through
redemption of Commodity Credit Corporation commodity
certificates, effective through the next business day.
    Price per bushel is in U.S. dollars. Sorghum is priced per
CWT, corn yellow grade only.
     WHEAT     HRW   HRS    SRW   SWW   DURUM
 Chicago       --    3.04   2.98  --    --
 Ill. Track    --    --     3.16  --    --
 Toledo        --    3.04   2.98  2.90  --
 Memphis       --    --     3.05  --    --
 Peoria        --    --     3.11  --    --
 Denver        2.62  2.63  --    --    --
 Evansville    --    --    2.99  --    --
 Cincinnati    --    --    2.96  --    --
 Minneapolis   2.65  2.71  --    --    3.70
 Baltimore/
 Norf./Phil.   --    --    3.06  2.98  --
 Kansas City   2.87  --    3.17  --    --
 St. Louis     3.03  --    3.03  --    --
 Amarillo/
 Lubbock       2.64  --    --    --    --
               HRW   HRS   SRW   SWW   DURUM
 Lou. Gulf     --    --    3.16  --    --
 Portland/
 Seattle       3.07  3.08  --    3.10  3.70
 Stockton      2.78  --    --    --    --
 L.A.          3.23  --    --    --    4.05
 Duluth        2.65  2.71  --    --    3.70
 Tex. Gulf     3.10  --    3.16  --    --

             CORN  BRLY  OATS  RYE   SOYB  SORG
 Chicago     1.47  --    --    --    4.81  2.49
 Ill. Track  1.49  2.04  --    --    4.85  2.52
 Toledo      1.41  2.04  1.50  --    4.78  2.39
 Memphis     1.59  1.95  1.71  --    4.90  2.86
 Peoria      1.51  ---   --    --    4.80  2.60
 Denver      1.56  1.56  --    --    --    2.54
 Evnsvlle    1.54  2.04  1.50  2.17  4.90  2.61
 Cinci       1.52  2.04  1.50  2.17  4.85  2.58
 Mpls        1.34  1.75  1.50  1.85  4.68  --
 Balt/Nor/
 Phil        1.70  1.80  --    --    4.98  3.12
 KC          1.49  1.56  1.64  --    4.76  2.58
 St Lo       1.54  --    1.66  --    4.90  2.91
 Amarlo/
 Lubbck      1.84  1.40  --    --    4.75  2.92
 Lou Gulf    1.73  --    --    --    5.05  3.12
 Port/
 Seattle     1.87  2.10  1.68  --    --    --
 Stockton    2.18  2.23  2.10  --    --    4.00
 LA          2.54  2.50  --    --    --    4.38
 Duluth      1.34  1.75  1.50  1.85  4.68  --
 Tex Gulf    1.73  1.48  1.73  --    5.05  3.12
 Reuter
&#3;</BODY></TEXT>
</REUTERS>
<REUTERS TOPICS="NO" LEWISSPLIT="TRAIN" CGISPLIT="TRAINING-SET" OLDID="5545" NEWID="2">
<DATE>26-FEB-1987 15:02:20.00</DATE>
<TOPICS></TOPICS>
<PLACES><D>usa</D></PLACES>
<PEOPLE></PEOPLE>
<ORGS></ORGS>
<EXCHANGES></EXCHANGES>
<COMPANIES></COMPANIES>
<UNKNOWN> 
&#5;&#5;&#5;F Y
&#22;&#22;&#1;f0708&#31;reute
d f BC-STANDARD-OIL-&lt;SRD>-TO   02-26 0082</UNKNOWN>
<TEXT>&#2;
<TITLE>STANDARD OIL &lt;SRD> TO FORM FINANCIAL UNIT</TITLE>
<DATELINE>    CLEVELAND, Feb 26 - </DATELINE><BODY>Standard Oil Co and BP North America
Inc said they plan to form a venture to manage the money market
borrowing and investment activities of both companies.
    BP North America is a subsidiary of British Petroleum Co
Plc &lt;BP>, which also owns a 55 pct interest in Standard Oil.
    The venture will be called BP/Standard Financial Trading
and will be operated by Standard Oil under the oversight of a
joint management committee.

 Reuter
&#3;</BODY></TEXT>
</REUTERS>
"""#
}
