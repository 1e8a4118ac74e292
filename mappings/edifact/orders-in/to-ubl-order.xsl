<?xml version="1.0" encoding="UTF-8"?>
<!--
  EDIFACT ORDERS (D96A/EANCOM or D01B, in the XML shape of the Smooks edifact:parser) to a
  UBL 2.1 Order for the supplier's ERP. Directory namespaces are matched with *: so that one
  mapping serves every directory; the segment groups that are numbered differently from one
  directory to the next (the line group: SegGrp-25 in D96A, SegGrp-28 in D01B; its price group:
  SegGrp-28 and SegGrp-32) are parameters, which d01b/to-ubl-order.xsl sets for D01B.

  Parameters (set by the gateway): defaultCurrency when the message has no CUX, sellerId when
  the message has no NAD+SU (the UNB recipient is used).
-->
<xsl:stylesheet version="3.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:xs="http://www.w3.org/2001/XMLSchema"
                xmlns:aval="urn:aval:mapping"
                xmlns="urn:oasis:names:specification:ubl:schema:xsd:Order-2"
                xmlns:cac="urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2"
                xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2"
                exclude-result-prefixes="xs aval">

    <!-- not indented: the ERP reads it, and indenting cost about 3 % of an import's CPU (README, "A ninth look") -->
    <xsl:output method="xml" indent="no" encoding="UTF-8"/>

    <xsl:param name="defaultCurrency" select="'EUR'"/>
    <xsl:param name="sellerId" select="''"/>
    <!-- the directory's line item group (LIN) and, inside it, its price group (PRI) -->
    <xsl:param name="lineGroup" select="'SegGrp-25'"/>
    <xsl:param name="priceGroup" select="'SegGrp-28'"/>

    <xsl:variable name="msg" select="/*:Interchange/*:Message/*:ORDERS"/>
    <xsl:variable name="currency" select="($msg/SegGrp-7/CUX/C504[E6347 = ('2', '9')]/E6345, $defaultCurrency)[1]"/>

    <!-- DTM value in its 2379 format (102 CCYYMMDD, 203 CCYYMMDDHHMM, 101 YYMMDD) as xs:date text -->
    <xsl:function name="aval:date" as="xs:string?">
        <xsl:param name="c507" as="element()?"/>
        <xsl:variable name="v" select="string($c507/E2380)"/>
        <xsl:variable name="f" select="string(($c507/E2379, '102')[1])"/>
        <xsl:sequence select="
            if (not($c507)) then ()
            else if ($f = ('102', '203', '204') and string-length($v) ge 8)
                then concat(substring($v, 1, 4), '-', substring($v, 5, 2), '-', substring($v, 7, 2))
            else if ($f = '101' and string-length($v) ge 6)
                then concat('20', substring($v, 1, 2), '-', substring($v, 3, 2), '-', substring($v, 5, 2))
            else ()"/>
    </xsl:function>

    <xsl:template match="/">
        <Order>
            <cbc:UBLVersionID>2.1</cbc:UBLVersionID>
            <!-- document number: BGM 1004 (D96A), inside C106 since D01B -->
            <cbc:ID><xsl:value-of select="($msg/BGM/E1004, $msg/BGM/C106/E1004)[1]"/></cbc:ID>
            <cbc:IssueDate><xsl:value-of select="aval:date($msg/DTM/C507[E2005 = '137'])"/></cbc:IssueDate>
            <xsl:if test="$msg/BGM/C002/E1001">
                <cbc:OrderTypeCode><xsl:value-of select="$msg/BGM/C002/E1001"/></cbc:OrderTypeCode>
            </xsl:if>
            <xsl:for-each select="$msg/FTX">
                <cbc:Note><xsl:value-of select="string-join(C108/*[normalize-space()], ' ')"/></cbc:Note>
            </xsl:for-each>
            <cbc:DocumentCurrencyCode><xsl:value-of select="$currency"/></cbc:DocumentCurrencyCode>
            <xsl:for-each select="$msg/SegGrp-1/RFF/C506[E1153 != 'CT']">
                <cac:AdditionalDocumentReference>
                    <cbc:ID><xsl:value-of select="E1154"/></cbc:ID>
                    <cbc:DocumentTypeCode><xsl:value-of select="E1153"/></cbc:DocumentTypeCode>
                </cac:AdditionalDocumentReference>
            </xsl:for-each>
            <xsl:for-each select="$msg/SegGrp-1/RFF/C506[E1153 = 'CT']">
                <cac:Contract><cbc:ID><xsl:value-of select="E1154"/></cbc:ID></cac:Contract>
            </xsl:for-each>
            <cac:BuyerCustomerParty>
                <xsl:call-template name="party">
                    <xsl:with-param name="grp" select="$msg/SegGrp-2[NAD/E3035 = 'BY'][1]"/>
                </xsl:call-template>
            </cac:BuyerCustomerParty>
            <cac:SellerSupplierParty>
                <xsl:variable name="su" select="$msg/SegGrp-2[NAD/E3035 = 'SU'][1]"/>
                <xsl:choose>
                    <xsl:when test="$su">
                        <xsl:call-template name="party"><xsl:with-param name="grp" select="$su"/></xsl:call-template>
                    </xsl:when>
                    <xsl:otherwise>
                        <cac:Party><cac:PartyIdentification><cbc:ID><xsl:value-of select="$sellerId"/></cbc:ID></cac:PartyIdentification></cac:Party>
                    </xsl:otherwise>
                </xsl:choose>
            </cac:SellerSupplierParty>
            <xsl:variable name="dp" select="$msg/SegGrp-2[NAD/E3035 = ('DP', 'ST')][1]/NAD"/>
            <xsl:variable name="requested" select="aval:date($msg/DTM/C507[E2005 = '2'])"/>
            <xsl:if test="$dp or $requested">
                <cac:Delivery>
                    <xsl:if test="$dp">
                        <cac:DeliveryLocation>
                            <xsl:if test="$dp/C082/E3039">
                                <cbc:ID><xsl:call-template name="scheme"><xsl:with-param name="c082" select="$dp/C082"/></xsl:call-template><xsl:value-of select="$dp/C082/E3039"/></cbc:ID>
                            </xsl:if>
                            <xsl:if test="$dp/C080/E3036">
                                <cbc:Name><xsl:value-of select="string-join($dp/C080/*[normalize-space()], ' ')"/></cbc:Name>
                            </xsl:if>
                            <xsl:call-template name="address">
                                <xsl:with-param name="nad" select="$dp"/>
                                <xsl:with-param name="element" select="'Address'"/>
                            </xsl:call-template>
                        </cac:DeliveryLocation>
                    </xsl:if>
                    <xsl:if test="$requested">
                        <cac:RequestedDeliveryPeriod><cbc:StartDate><xsl:value-of select="$requested"/></cbc:StartDate></cac:RequestedDeliveryPeriod>
                    </xsl:if>
                </cac:Delivery>
            </xsl:if>
            <xsl:variable name="lines" select="$msg/*[local-name() = $lineGroup]"/>
            <xsl:if test="every $l in $lines satisfies exists($l/*[local-name() = $priceGroup]/PRI/C509/E5118)">
                <xsl:variable name="total" select="sum(for $l in $lines return aval:amount($l))"/>
                <cac:AnticipatedMonetaryTotal>
                    <cbc:LineExtensionAmount currencyID="{$currency}"><xsl:value-of select="format-number($total, '0.00')"/></cbc:LineExtensionAmount>
                    <cbc:PayableAmount currencyID="{$currency}"><xsl:value-of select="format-number($total, '0.00')"/></cbc:PayableAmount>
                </cac:AnticipatedMonetaryTotal>
            </xsl:if>
            <xsl:for-each select="$lines">
                <xsl:variable name="qty" select="QTY/C186[E6063 = '21'][1], QTY/C186[1]"/>
                <xsl:variable name="price" select="(*[local-name() = $priceGroup]/PRI/C509[E5125 = 'AAA'], *[local-name() = $priceGroup]/PRI/C509)[1]"/>
                <cac:OrderLine>
                    <cac:LineItem>
                        <cbc:ID><xsl:value-of select="(LIN/E1082[normalize-space()], position())[1]"/></cbc:ID>
                        <cbc:Quantity>
                            <xsl:if test="$qty[1]/E6411"><xsl:attribute name="unitCode" select="$qty[1]/E6411"/></xsl:if>
                            <xsl:value-of select="$qty[1]/E6060"/>
                        </cbc:Quantity>
                        <xsl:if test="$price/E5118">
                            <cbc:LineExtensionAmount currencyID="{$currency}"><xsl:value-of select="format-number(aval:amount(.), '0.00')"/></cbc:LineExtensionAmount>
                            <cac:Price><cbc:PriceAmount currencyID="{$currency}"><xsl:value-of select="$price/E5118"/></cbc:PriceAmount></cac:Price>
                        </xsl:if>
                        <cac:Item>
                            <xsl:variable name="name" select="string-join(IMD/C273/E7008[normalize-space()], ' ')"/>
                            <xsl:if test="$name"><cbc:Name><xsl:value-of select="$name"/></cbc:Name></xsl:if>
                            <xsl:for-each select="(LIN/C212[E7143 = ('IN', 'BP')], PIA/C212[E7143 = ('IN', 'BP')])[1]">
                                <cac:BuyersItemIdentification><cbc:ID><xsl:value-of select="E7140"/></cbc:ID></cac:BuyersItemIdentification>
                            </xsl:for-each>
                            <xsl:for-each select="(LIN/C212[E7143 = 'SA'], PIA/C212[E7143 = 'SA'])[1]">
                                <cac:SellersItemIdentification><cbc:ID><xsl:value-of select="E7140"/></cbc:ID></cac:SellersItemIdentification>
                            </xsl:for-each>
                            <xsl:for-each select="LIN/C212[E7143 = ('EN', 'SRV')][E7140]">
                                <cac:StandardItemIdentification><cbc:ID schemeID="0160"><xsl:value-of select="E7140"/></cbc:ID></cac:StandardItemIdentification>
                            </xsl:for-each>
                        </cac:Item>
                    </cac:LineItem>
                </cac:OrderLine>
            </xsl:for-each>
        </Order>
    </xsl:template>

    <xsl:function name="aval:amount" as="xs:decimal">
        <xsl:param name="line" as="element()"/>
        <xsl:variable name="q" select="($line/QTY/C186[E6063 = '21'], $line/QTY/C186)[1]/E6060"/>
        <xsl:variable name="p" select="($line/*[local-name() = $priceGroup]/PRI/C509[E5125 = 'AAA'], $line/*[local-name() = $priceGroup]/PRI/C509)[1]/E5118"/>
        <xsl:sequence select="if ($q castable as xs:decimal and $p castable as xs:decimal) then xs:decimal($q) * xs:decimal($p) else 0"/>
    </xsl:function>

    <xsl:template name="scheme">
        <xsl:param name="c082"/>
        <xsl:if test="$c082/E3055 = '9'"><xsl:attribute name="schemeID" select="'0088'"/></xsl:if>
    </xsl:template>

    <xsl:template name="party">
        <xsl:param name="grp"/>
        <xsl:variable name="nad" select="$grp/NAD"/>
        <cac:Party>
            <xsl:if test="$nad/C082/E3039">
                <cac:PartyIdentification><cbc:ID><xsl:call-template name="scheme"><xsl:with-param name="c082" select="$nad/C082"/></xsl:call-template><xsl:value-of select="$nad/C082/E3039"/></cbc:ID></cac:PartyIdentification>
            </xsl:if>
            <xsl:if test="$nad/C080/E3036">
                <cac:PartyName><cbc:Name><xsl:value-of select="string-join($nad/C080/*[normalize-space()], ' ')"/></cbc:Name></cac:PartyName>
            </xsl:if>
            <xsl:call-template name="address">
                <xsl:with-param name="nad" select="$nad"/>
                <xsl:with-param name="element" select="'PostalAddress'"/>
            </xsl:call-template>
            <xsl:for-each select="($grp/SegGrp-5)[1]">
                <cac:Contact>
                    <xsl:if test="CTA/C056/E3412"><cbc:Name><xsl:value-of select="CTA/C056/E3412"/></cbc:Name></xsl:if>
                    <xsl:if test="COM/C076[E3155 = 'TE']"><cbc:Telephone><xsl:value-of select="COM/C076[E3155 = 'TE'][1]/E3148"/></cbc:Telephone></xsl:if>
                    <xsl:if test="COM/C076[E3155 = 'FX']"><cbc:Telefax><xsl:value-of select="COM/C076[E3155 = 'FX'][1]/E3148"/></cbc:Telefax></xsl:if>
                    <xsl:if test="COM/C076[E3155 = 'EM']"><cbc:ElectronicMail><xsl:value-of select="COM/C076[E3155 = 'EM'][1]/E3148"/></cbc:ElectronicMail></xsl:if>
                </cac:Contact>
            </xsl:for-each>
        </cac:Party>
    </xsl:template>

    <xsl:template name="address">
        <xsl:param name="nad"/>
        <xsl:param name="element"/>
        <xsl:if test="$nad/C059/E3042 or $nad/E3164 or $nad/E3251 or $nad/E3207">
            <xsl:element name="cac:{$element}">
                <xsl:if test="$nad/C059/E3042"><cbc:StreetName><xsl:value-of select="string-join($nad/C059/*[normalize-space()], ' ')"/></cbc:StreetName></xsl:if>
                <xsl:if test="$nad/E3164"><cbc:CityName><xsl:value-of select="$nad/E3164"/></cbc:CityName></xsl:if>
                <xsl:if test="$nad/E3251"><cbc:PostalZone><xsl:value-of select="$nad/E3251"/></cbc:PostalZone></xsl:if>
                <xsl:if test="$nad/E3207"><cac:Country><cbc:IdentificationCode><xsl:value-of select="$nad/E3207"/></cbc:IdentificationCode></cac:Country></xsl:if>
            </xsl:element>
        </xsl:if>
    </xsl:template>
</xsl:stylesheet>
