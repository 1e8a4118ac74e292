<?xml version="1.0" encoding="UTF-8"?>
<!--
  UBL 2.1 DespatchAdvice -> EANCOM DESADV (D96A, EAN005), one message.
  BGM+351 despatch advice; DTM+137 issue date, +11 despatch date, +2 requested delivery;
  SG1 RFF+ON order, RFF+SRN shipment; SG2 NAD+SU supplier, NAD+BY buyer (the delivery customer when UBL has no buyer), NAD+DP delivery party and address;
  SG10 CPS+1 (whole consignment) with FTX+AAI for the notes (D96A has no header FTX), then one SG15 per line:
  LIN (GTIN), PIA+1 (seller's article), IMD+F (name), QTY+12 despatched, QTY+83 backorder,
  SG16 RFF+ON order number:order line; CNT+2 number of lines.
-->
<xsl:stylesheet version="3.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:xs="http://www.w3.org/2001/XMLSchema"
                xmlns:da="urn:oasis:names:specification:ubl:schema:xsd:DespatchAdvice-2"
                xmlns:cac="urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2"
                xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2"
                xmlns:aval="urn:aval:mapping"
                exclude-result-prefixes="#all">

  <xsl:include href="../common/edifact-out.xsl"/>
  <xsl:output method="xml" indent="yes"/>

  <xsl:variable name="association" as="xs:string" select="'EAN005'"/>
  <xsl:variable name="G-RFF" as="xs:string" select="'SegGrp-1'"/>
  <xsl:variable name="G-NAD" as="xs:string" select="'SegGrp-2'"/>
  <xsl:variable name="G-CPS" as="xs:string" select="'SegGrp-10'"/>
  <xsl:variable name="G-LIN" as="xs:string" select="'SegGrp-15'"/>
  <xsl:variable name="G-LIN-RFF" as="xs:string" select="'SegGrp-16'"/>

  <xsl:template match="/da:DespatchAdvice">
    <xsl:variable name="order" select="normalize-space(cac:OrderReference[1]/cbc:ID)"/>
    <xsl:call-template name="aval:message">
      <xsl:with-param name="type" select="'DESADV'"/>
      <xsl:with-param name="association" select="$association"/>
      <xsl:with-param name="body" as="element()*">
        <xsl:call-template name="aval:bgm"><xsl:with-param name="code" select="'351'"/><xsl:with-param name="number" select="cbc:ID"/></xsl:call-template>
        <xsl:call-template name="aval:dtm"><xsl:with-param name="qualifier" select="'137'"/><xsl:with-param name="date" select="cbc:IssueDate"/></xsl:call-template>
        <xsl:call-template name="aval:dtm"><xsl:with-param name="qualifier" select="'11'"/><xsl:with-param name="date" select="(cac:Shipment/cac:Delivery/cac:Despatch/cbc:ActualDespatchDate)[1]"/></xsl:call-template>
        <xsl:call-template name="aval:dtm"><xsl:with-param name="qualifier" select="'2'"/><xsl:with-param name="date" select="(cac:Shipment/cac:Delivery/cac:RequestedDeliveryPeriod/cbc:StartDate)[1]"/></xsl:call-template>
        <xsl:if test="$order">
          <xsl:element name="{$G-RFF}"><xsl:call-template name="aval:rff"><xsl:with-param name="qualifier" select="'ON'"/><xsl:with-param name="ref" select="$order"/></xsl:call-template></xsl:element>
        </xsl:if>
        <xsl:if test="cac:Shipment/cbc:ID">
          <xsl:element name="{$G-RFF}"><xsl:call-template name="aval:rff"><xsl:with-param name="qualifier" select="'SRN'"/><xsl:with-param name="ref" select="cac:Shipment/cbc:ID"/></xsl:call-template></xsl:element>
        </xsl:if>
        <xsl:element name="{$G-NAD}"><xsl:call-template name="aval:nad"><xsl:with-param name="qualifier" select="'SU'"/><xsl:with-param name="party" select="cac:DespatchSupplierParty/cac:Party"/></xsl:call-template></xsl:element>
        <!-- EANCOM makes NAD+BY mandatory: without a BuyerCustomerParty the delivery customer is the buyer -->
        <xsl:element name="{$G-NAD}"><xsl:call-template name="aval:nad"><xsl:with-param name="qualifier" select="'BY'"/><xsl:with-param name="party" select="(cac:BuyerCustomerParty/cac:Party, cac:DeliveryCustomerParty/cac:Party)[1]"/><xsl:with-param name="address" select="()"/></xsl:call-template></xsl:element>
        <xsl:element name="{$G-NAD}"><xsl:call-template name="aval:nad"><xsl:with-param name="qualifier" select="'DP'"/><xsl:with-param name="party" select="cac:DeliveryCustomerParty/cac:Party"/><xsl:with-param name="address" select="(cac:Shipment/cac:Delivery/cac:DeliveryAddress, cac:DeliveryCustomerParty/cac:Party/cac:PostalAddress)[1]"/></xsl:call-template></xsl:element>
        <xsl:element name="{$G-CPS}">
          <CPS><E7164>1</E7164></CPS>
          <xsl:for-each select="cbc:Note"><xsl:call-template name="aval:ftx"><xsl:with-param name="qualifier" select="'AAI'"/><xsl:with-param name="text" select="."/></xsl:call-template></xsl:for-each>
          <xsl:for-each select="cac:DespatchLine">
            <xsl:element name="{$G-LIN}">
              <xsl:call-template name="aval:lin"><xsl:with-param name="number" select="string(position())"/><xsl:with-param name="item" select="cac:Item"/></xsl:call-template>
              <xsl:call-template name="aval:qty"><xsl:with-param name="qualifier" select="'12'"/><xsl:with-param name="quantity" select="cbc:DeliveredQuantity"/></xsl:call-template>
              <xsl:call-template name="aval:qty"><xsl:with-param name="qualifier" select="'83'"/><xsl:with-param name="quantity" select="cbc:OutstandingQuantity"/></xsl:call-template>
              <xsl:variable name="lineOrder" select="normalize-space((cac:OrderLineReference/cac:OrderReference/cbc:ID, $order)[1])"/>
              <xsl:if test="$lineOrder">
                <xsl:element name="{$G-LIN-RFF}"><xsl:call-template name="aval:rff"><xsl:with-param name="qualifier" select="'ON'"/><xsl:with-param name="ref" select="$lineOrder"/><xsl:with-param name="line" select="cac:OrderLineReference/cbc:LineID"/></xsl:call-template></xsl:element>
              </xsl:if>
            </xsl:element>
          </xsl:for-each>
        </xsl:element>
        <CNT><C270><E6069>2</E6069><E6066><xsl:value-of select="count(cac:DespatchLine)"/></E6066></C270></CNT>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>
</xsl:stylesheet>
