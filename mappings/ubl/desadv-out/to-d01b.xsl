<?xml version="1.0" encoding="UTF-8"?>
<!-- UBL 2.1 DespatchAdvice -> EANCOM 2002 DESADV (D01B, EAN007): the D96A mapping with D01B's group numbers. -->
<xsl:stylesheet version="3.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:xs="http://www.w3.org/2001/XMLSchema"
                exclude-result-prefixes="#all">
  <xsl:import href="to-d96a.xsl"/>
  <xsl:variable name="dir" as="xs:string" select="'D01B'"/>
  <xsl:variable name="release" as="xs:string" select="'01B'"/>
  <xsl:variable name="ns" as="xs:string" select="'http://www.ibm.com/dfdl/edi/un/edifact/D01B'"/>
  <xsl:variable name="association" as="xs:string" select="'EAN007'"/>
  <xsl:variable name="G-LIN" as="xs:string" select="'SegGrp-17'"/>
  <xsl:variable name="G-LIN-RFF" as="xs:string" select="'SegGrp-18'"/>
</xsl:stylesheet>
