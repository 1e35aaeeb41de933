/// Raw SGML newswire in the Reuters-21578 layout (markup, control-character references, a
/// results table), written for this test so no licensed text is redistributed; for the golden test.
enum ReutersFixture {
    /// The raw SGML text.
    static let text = #"""
<REUTERS TOPICS="YES" LEWISSPLIT="TRAIN" CGISPLIT="TRAINING-SET" OLDID="9001" NEWID="9001">
<DATE>14-MAR-1988 11:02:17.40</DATE>
<TOPICS><D>grain</D><D>wheat</D></TOPICS>
<PLACES><D>canada</D><D>usa</D></PLACES>
<UNKNOWN> 
&#5;&#5;&#5;C G
&#22;&#22;&#1;f0101&#31;reute
u f BC-grain-board-prices   03-14 0088</UNKNOWN>
<TEXT>&#2;
<TITLE>CANADIAN GRAIN BOARD RAISES INITIAL WHEAT PRICES</TITLE>
<DATELINE>    WINNIPEG, March 14 - </DATELINE><BODY>The Canadian Wheat Board said it raised
initial prices for the 1988/89 crop year by about 4.5 pct, effective
August 1, citing firmer demand from Japan and the Soviet Union.
         Grade      Old      New
 No. 1 CWRS      135.50   141.60
 No. 2 CWRS      131.00   136.90
 Durum           128.25   134.00
    Board chairman Martin Hale told reporters in Ottawa that sales to
China could reach two mln tonnes, worth about 300 mln Canadian dlrs.
 Reuter
&#3;</BODY></TEXT>
</REUTERS>
<REUTERS TOPICS="YES" LEWISSPLIT="TRAIN" CGISPLIT="TRAINING-SET" OLDID="9002" NEWID="9002">
<DATE>14-MAR-1988 12:40:05.11</DATE>
<TOPICS><D>money-fx</D></TOPICS>
<PLACES><D>west-germany</D><D>japan</D></PLACES>
<TEXT>&#2;
<TITLE>BUNDESBANK SEES NO NEED FOR RATE CUT, OFFICIAL SAYS</TITLE>
<DATELINE>    FRANKFURT, March 14 - </DATELINE><BODY>The Bundesbank sees no need to lower its
discount rate after the dollar steadied at 1.6850 marks, a senior
official said on Monday.
    Helmut Krause, a member of the central bank council, said the
Group of Seven agreement reached in Paris in February was working and
that the Bank of Japan shared this view.
    He added that West German money supply growth of 7.2 pct in
January was above the target range of three to six pct.
 Reuter
&#3;</BODY></TEXT>
</REUTERS>
<REUTERS TOPICS="NO" LEWISSPLIT="TEST" CGISPLIT="TRAINING-SET" OLDID="9003" NEWID="9003">
<DATE>15-MAR-1988 09:15:44.02</DATE>
<TEXT>&#2;
<TITLE>ACME INDUSTRIES &lt;ACMI.O> 4TH QTR NET</TITLE>
<DATELINE>    CHICAGO, March 15 - </DATELINE><BODY>Shr 42 cts vs 31 cts
    Net 12.4 mln vs 9.1 mln
    Revs 210.5 mln vs 188.2 mln
    Year shr 1.55 dlrs vs 1.20 dlrs
    Note: Acme Industries Inc said results include a gain of 1.3 mln
dlrs from the sale of its Toledo, Ohio, plant to General Tool Corp.
 Reuter
&#3;</BODY></TEXT>
</REUTERS>
"""#
}
