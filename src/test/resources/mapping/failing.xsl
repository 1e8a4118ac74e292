<?xml version="1.0" encoding="UTF-8"?>
<!-- A mapping that gives up half-way through its output. -->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns="urn:oasis:names:specification:ubl:schema:xsd:Order-2">
    <xsl:template match="/">
        <Order>
            <xsl:message terminate="yes">no buyer in this message</xsl:message>
        </Order>
    </xsl:template>
</xsl:stylesheet>
