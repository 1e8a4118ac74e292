<?xml version="1.0" encoding="UTF-8"?>
<!-- A mapping whose result is not valid UBL 2.1 (an Order without its required elements, and one it cannot have). -->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns="urn:oasis:names:specification:ubl:schema:xsd:Order-2"
                xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2">
    <xsl:output method="xml" indent="yes" encoding="UTF-8"/>
    <xsl:template match="/">
        <Order>
            <cbc:NoSuchElement>x</cbc:NoSuchElement>
        </Order>
    </xsl:template>
</xsl:stylesheet>
