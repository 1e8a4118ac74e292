<?xml version="1.0" encoding="UTF-8"?>
<!--
  UBL 2.1 Invoice and CreditNote -> EANCOM INVOIC (D96A, EAN008), one message.
  BGM 1001: the UBL InvoiceTypeCode / CreditNoteTypeCode (380 invoice, 381 credit note; a CreditNote
  without a type code is 381). DTM+137 issue date, +35 delivery date; FTX+AAI notes, FTX+AAB payment terms;
  SG1 RFF+ON order, +DQ despatch advice, +IV invoice credited (BillingReference); SG2 NAD+BY / NAD+SU,
  SG3 RFF+VA VAT numbers; SG7 CUX+2:currency:4; per line SG25 LIN/PIA/IMD, QTY+47 invoiced (QTY+61 returned
  on credit notes), SG26 MOA+203 line amount, SG28 PRI+AAA net price, SG33 TAX; UNS+S; CNT+2 lines;
  SG48 MOA+77 (tax inclusive), +79 (lines), +125 (taxable), +124 (tax), +9 (payable); SG50 TAX + MOA per rate.
-->
<xsl:stylesheet version="3.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:xs="http://www.w3.org/2001/XMLSchema"
                xmlns:inv="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"
                xmlns:cn="urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2"
                xmlns:cac="urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2"
                xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2"
                xmlns:aval="urn:aval:mapping"
                exclude-result-prefixes="#all">

  <xsl:include href="../common/edifact-out.xsl"/>
  <xsl:output method="xml" indent="yes"/>

  <xsl:variable name="association" as="xs:string" select="'EAN008'"/>
  <xsl:variable name="G-RFF" as="xs:string" select="'SegGrp-1'"/>
  <xsl:variable name="G-NAD" as="xs:string" select="'SegGrp-2'"/>
  <xsl:variable name="G-NAD-RFF" as="xs:string" select="'SegGrp-3'"/>
  <xsl:variable name="G-CUX" as="xs:string" select="'SegGrp-7'"/>
  <xsl:variable name="G-LIN" as="xs:string" select="'SegGrp-25'"/>
  <xsl:variable name="G-LIN-MOA" as="xs:string" select="'SegGrp-26'"/>
  <xsl:variable name="G-LIN-PRI" as="xs:string" select="'SegGrp-28'"/>
  <xsl:variable name="G-LIN-TAX" as="xs:string" select="'SegGrp-33'"/>
  <xsl:variable name="G-MOA" as="xs:string" select="'SegGrp-48'"/>
  <xsl:variable name="G-TAX" as="xs:string" select="'SegGrp-50'"/>

  <xsl:template match="/inv:Invoice | /cn:CreditNote">
    <xsl:variable name="credit" as="xs:boolean" select="exists(self::cn:CreditNote)"/>
    <xsl:variable name="code" select="normalize-space((cbc:InvoiceTypeCode, cbc:CreditNoteTypeCode, if ($credit) then '381' else '380')[1])"/>
    <xsl:variable name="lines" select="inv:InvoiceLine | cac:InvoiceLine | cac:CreditNoteLine"/>
    <xsl:call-template name="aval:message">
      <xsl:with-param name="type" select="'INVOIC'"/>
      <xsl:with-param name="association" select="$association"/>
      <xsl:with-param name="body" as="element()*">
        <xsl:call-template name="aval:bgm"><xsl:with-param name="code" select="$code"/><xsl:with-param name="number" select="cbc:ID"/></xsl:call-template>
        <xsl:call-template name="aval:dtm"><xsl:with-param name="qualifier" select="'137'"/><xsl:with-param name="date" select="cbc:IssueDate"/></xsl:call-template>
        <xsl:call-template name="aval:dtm"><xsl:with-param name="qualifier" select="'35'"/><xsl:with-param name="date" select="(cac:Delivery/cbc:ActualDeliveryDate)[1]"/></xsl:call-template>
        <xsl:for-each select="cbc:Note"><xsl:call-template name="aval:ftx"><xsl:with-param name="qualifier" select="'AAI'"/><xsl:with-param name="text" select="."/></xsl:call-template></xsl:for-each>
        <xsl:for-each select="cac:PaymentTerms/cbc:Note"><xsl:call-template name="aval:ftx"><xsl:with-param name="qualifier" select="'AAB'"/><xsl:with-param name="text" select="."/></xsl:call-template></xsl:for-each>
        <xsl:for-each select="cac:OrderReference/cbc:ID">
          <xsl:element name="{$G-RFF}"><xsl:call-template name="aval:rff"><xsl:with-param name="qualifier" select="'ON'"/><xsl:with-param name="ref" select="."/></xsl:call-template></xsl:element>
        </xsl:for-each>
        <xsl:for-each select="cac:DespatchDocumentReference/cbc:ID">
          <xsl:element name="{$G-RFF}"><xsl:call-template name="aval:rff"><xsl:with-param name="qualifier" select="'DQ'"/><xsl:with-param name="ref" select="."/></xsl:call-template></xsl:element>
        </xsl:for-each>
        <xsl:for-each select="cac:BillingReference/cac:InvoiceDocumentReference/cbc:ID">
          <xsl:element name="{$G-RFF}"><xsl:call-template name="aval:rff"><xsl:with-param name="qualifier" select="'IV'"/><xsl:with-param name="ref" select="."/></xsl:call-template></xsl:element>
        </xsl:for-each>
        <xsl:for-each select="(['BY', cac:AccountingCustomerParty/cac:Party], ['SU', cac:AccountingSupplierParty/cac:Party])">
          <xsl:variable name="party" select="?2"/>
          <xsl:if test="$party">
            <xsl:element name="{$G-NAD}">
              <xsl:call-template name="aval:nad"><xsl:with-param name="qualifier" select="?1"/><xsl:with-param name="party" select="$party"/></xsl:call-template>
              <xsl:for-each select="$party/cac:PartyTaxScheme/cbc:CompanyID">
                <xsl:element name="{$G-NAD-RFF}"><xsl:call-template name="aval:rff"><xsl:with-param name="qualifier" select="'VA'"/><xsl:with-param name="ref" select="."/></xsl:call-template></xsl:element>
              </xsl:for-each>
            </xsl:element>
          </xsl:if>
        </xsl:for-each>
        <xsl:if test="cbc:DocumentCurrencyCode">
          <xsl:element name="{$G-CUX}"><CUX><C504><E6347>2</E6347><E6345><xsl:value-of select="cbc:DocumentCurrencyCode"/></E6345><E6343>4</E6343></C504></CUX></xsl:element>
        </xsl:if>
        <xsl:for-each select="$lines">
          <xsl:element name="{$G-LIN}">
            <xsl:call-template name="aval:lin"><xsl:with-param name="number" select="string(position())"/><xsl:with-param name="item" select="cac:Item"/></xsl:call-template>
            <xsl:call-template name="aval:qty"><xsl:with-param name="qualifier" select="if ($credit) then '61' else '47'"/><xsl:with-param name="quantity" select="(cbc:InvoicedQuantity, cbc:CreditedQuantity)[1]"/></xsl:call-template>
            <xsl:if test="cbc:LineExtensionAmount">
              <xsl:element name="{$G-LIN-MOA}"><xsl:call-template name="aval:moa"><xsl:with-param name="qualifier" select="'203'"/><xsl:with-param name="amount" select="cbc:LineExtensionAmount"/></xsl:call-template></xsl:element>
            </xsl:if>
            <xsl:if test="cac:Price/cbc:PriceAmount">
              <xsl:element name="{$G-LIN-PRI}"><xsl:call-template name="aval:pri"><xsl:with-param name="price" select="cac:Price"/></xsl:call-template></xsl:element>
            </xsl:if>
            <xsl:for-each select="cac:Item/cac:ClassifiedTaxCategory">
              <xsl:element name="{$G-LIN-TAX}"><xsl:call-template name="aval:tax"><xsl:with-param name="category" select="."/></xsl:call-template></xsl:element>
            </xsl:for-each>
          </xsl:element>
        </xsl:for-each>
        <UNS><E0081>S</E0081></UNS>
        <CNT><C270><E6069>2</E6069><E6066><xsl:value-of select="count($lines)"/></E6066></C270></CNT>
        <xsl:variable name="totals" select="cac:LegalMonetaryTotal"/>
        <xsl:for-each select="(['77', $totals/cbc:TaxInclusiveAmount], ['79', $totals/cbc:LineExtensionAmount],
                               ['125', $totals/cbc:TaxExclusiveAmount], ['124', cac:TaxTotal[1]/cbc:TaxAmount],
                               ['9', $totals/cbc:PayableAmount])">
          <xsl:if test="exists(?2)">
            <xsl:element name="{$G-MOA}"><xsl:call-template name="aval:moa"><xsl:with-param name="qualifier" select="?1"/><xsl:with-param name="amount" select="?2"/></xsl:call-template></xsl:element>
          </xsl:if>
        </xsl:for-each>
        <xsl:for-each select="cac:TaxTotal/cac:TaxSubtotal">
          <xsl:element name="{$G-TAX}">
            <xsl:call-template name="aval:tax"><xsl:with-param name="category" select="cac:TaxCategory"/></xsl:call-template>
            <xsl:call-template name="aval:moa"><xsl:with-param name="qualifier" select="'124'"/><xsl:with-param name="amount" select="cbc:TaxAmount"/></xsl:call-template>
            <xsl:call-template name="aval:moa"><xsl:with-param name="qualifier" select="'125'"/><xsl:with-param name="amount" select="cbc:TaxableAmount"/></xsl:call-template>
          </xsl:element>
        </xsl:for-each>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>
</xsl:stylesheet>
