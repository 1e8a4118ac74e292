<?xml version="1.0" encoding="UTF-8"?>
<!--
  EDIFACT ORDERS D01B to a UBL 2.1 Order: the D96A mapping with D01B's group numbers. In the
  D01B schema pack the line item group (LIN) is SegGrp-28 and its price group (PRI) SegGrp-32
  (D96A: SegGrp-25 and SegGrp-28); the header groups (RFF 1, NAD 2, CTA 5, CUX 7) are the same.
-->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
    <xsl:import href="../to-ubl-order.xsl"/>
    <xsl:param name="lineGroup" select="'SegGrp-28'"/>
    <xsl:param name="priceGroup" select="'SegGrp-32'"/>
</xsl:stylesheet>
