<?xml version="1.0" encoding="UTF-8"?>
<!--
  UBL 2.1 OrderResponse -> EANCOM ORDRSP (D96A, EAN005), one message.
  BGM+231 with 1225 from OrderResponseCode (AP accepted -> 29, RE rejected -> 27, anything else -> 4 change);
  DTM+137 issue date, DTM+2 promised delivery; FTX+AAI notes; SG1 RFF+ON buyer's order;
  SG3 NAD+BY / NAD+SU; SG8 CUX; per line SG26 LIN with 1229 from LineStatusCode (Cancelled 7, Revised 3,
  Added 1, otherwise 5 accepted), PIA/IMD, QTY+21, DTM+2 line delivery, MOA+203, SG30 PRI+AAA;
  UNS+S; CNT+2 lines.
-->
<xsl:stylesheet version="3.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:xs="http://www.w3.org/2001/XMLSchema"
                xmlns:or="urn:oasis:names:specification:ubl:schema:xsd:OrderResponse-2"
                xmlns:cac="urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2"
                xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2"
                xmlns:aval="urn:aval:mapping"
                exclude-result-prefixes="#all">

  <xsl:include href="../common/edifact-out.xsl"/>
  <xsl:output method="xml" indent="yes"/>

  <xsl:variable name="association" as="xs:string" select="'EAN005'"/>
  <xsl:variable name="G-RFF" as="xs:string" select="'SegGrp-1'"/>
  <xsl:variable name="G-NAD" as="xs:string" select="'SegGrp-3'"/>
  <xsl:variable name="G-CUX" as="xs:string" select="'SegGrp-8'"/>
  <xsl:variable name="G-LIN" as="xs:string" select="'SegGrp-26'"/>
  <xsl:variable name="G-LIN-PRI" as="xs:string" select="'SegGrp-30'"/>

  <xsl:template match="/or:OrderResponse">
    <xsl:variable name="response" select="normalize-space(cbc:OrderResponseCode)"/>
    <xsl:call-template name="aval:message">
      <xsl:with-param name="type" select="'ORDRSP'"/>
      <xsl:with-param name="association" select="$association"/>
      <xsl:with-param name="body" as="element()*">
        <xsl:call-template name="aval:bgm">
          <xsl:with-param name="code" select="'231'"/><xsl:with-param name="number" select="cbc:ID"/>
          <xsl:with-param name="function" select="if ($response = 'AP') then '29' else if ($response = 'RE') then '27' else '4'"/>
        </xsl:call-template>
        <xsl:call-template name="aval:dtm"><xsl:with-param name="qualifier" select="'137'"/><xsl:with-param name="date" select="cbc:IssueDate"/></xsl:call-template>
        <xsl:call-template name="aval:dtm"><xsl:with-param name="qualifier" select="'2'"/><xsl:with-param name="date" select="(cac:Delivery/cac:PromisedDeliveryPeriod/cbc:StartDate)[1]"/></xsl:call-template>
        <xsl:for-each select="cbc:Note"><xsl:call-template name="aval:ftx"><xsl:with-param name="qualifier" select="'AAI'"/><xsl:with-param name="text" select="."/></xsl:call-template></xsl:for-each>
        <xsl:for-each select="cac:OrderReference/cbc:ID">
          <xsl:element name="{$G-RFF}"><xsl:call-template name="aval:rff"><xsl:with-param name="qualifier" select="'ON'"/><xsl:with-param name="ref" select="."/></xsl:call-template></xsl:element>
        </xsl:for-each>
        <xsl:for-each select="(['BY', cac:BuyerCustomerParty/cac:Party], ['SU', cac:SellerSupplierParty/cac:Party])">
          <xsl:if test="exists(?2)">
            <xsl:element name="{$G-NAD}"><xsl:call-template name="aval:nad"><xsl:with-param name="qualifier" select="?1"/><xsl:with-param name="party" select="?2"/></xsl:call-template></xsl:element>
          </xsl:if>
        </xsl:for-each>
        <xsl:if test="cbc:DocumentCurrencyCode">
          <xsl:element name="{$G-CUX}"><CUX><C504><E6347>2</E6347><E6345><xsl:value-of select="cbc:DocumentCurrencyCode"/></E6345><E6343>9</E6343></C504></CUX></xsl:element>
        </xsl:if>
        <xsl:for-each select="cac:OrderLine/cac:LineItem">
          <xsl:variable name="status" select="normalize-space(cbc:LineStatusCode)"/>
          <xsl:element name="{$G-LIN}">
            <xsl:call-template name="aval:lin">
              <xsl:with-param name="number" select="string(position())"/>
              <xsl:with-param name="item" select="cac:Item"/>
              <xsl:with-param name="action" select="if ($status = 'Cancelled') then '7' else if ($status = 'Revised') then '3' else if ($status = 'Added') then '1' else '5'"/>
            </xsl:call-template>
            <xsl:call-template name="aval:qty"><xsl:with-param name="qualifier" select="'21'"/><xsl:with-param name="quantity" select="cbc:Quantity"/></xsl:call-template>
            <xsl:call-template name="aval:dtm"><xsl:with-param name="qualifier" select="'2'"/><xsl:with-param name="date" select="(cac:Delivery/cac:PromisedDeliveryPeriod/cbc:StartDate)[1]"/></xsl:call-template>
            <xsl:call-template name="aval:moa"><xsl:with-param name="qualifier" select="'203'"/><xsl:with-param name="amount" select="cbc:LineExtensionAmount"/></xsl:call-template>
            <xsl:if test="cac:Price/cbc:PriceAmount">
              <xsl:element name="{$G-LIN-PRI}"><xsl:call-template name="aval:pri"><xsl:with-param name="price" select="cac:Price"/></xsl:call-template></xsl:element>
            </xsl:if>
          </xsl:element>
        </xsl:for-each>
        <UNS><E0081>S</E0081></UNS>
        <CNT><C270><E6069>2</E6069><E6066><xsl:value-of select="count(cac:OrderLine/cac:LineItem)"/></E6066></C270></CNT>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>
</xsl:stylesheet>
