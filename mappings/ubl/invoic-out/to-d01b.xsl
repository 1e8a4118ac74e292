<?xml version="1.0" encoding="UTF-8"?>
<!-- UBL 2.1 Invoice / CreditNote -> EANCOM 2002 INVOIC (D01B, EAN010): the D96A mapping with D01B's group numbers. -->
<xsl:stylesheet version="3.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:xs="http://www.w3.org/2001/XMLSchema"
                exclude-result-prefixes="#all">
  <xsl:import href="to-d96a.xsl"/>
  <xsl:variable name="dir" as="xs:string" select="'D01B'"/>
  <xsl:variable name="release" as="xs:string" select="'01B'"/>
  <xsl:variable name="ns" as="xs:string" select="'http://www.ibm.com/dfdl/edi/un/edifact/D01B'"/>
  <xsl:variable name="association" as="xs:string" select="'EAN010'"/>
  <xsl:variable name="G-LIN" as="xs:string" select="'SegGrp-26'"/>
  <xsl:variable name="G-LIN-MOA" as="xs:string" select="'SegGrp-27'"/>
  <xsl:variable name="G-LIN-PRI" as="xs:string" select="'SegGrp-29'"/>
  <xsl:variable name="G-LIN-TAX" as="xs:string" select="'SegGrp-34'"/>
  <xsl:variable name="G-MOA" as="xs:string" select="'SegGrp-50'"/>
  <xsl:variable name="G-TAX" as="xs:string" select="'SegGrp-52'"/>
</xsl:stylesheet>
