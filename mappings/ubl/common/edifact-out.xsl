<?xml version="1.0" encoding="UTF-8"?>
<!--
  Shared building blocks for the UBL 2.1 -> EDIFACT outbound mappings. Each mapping produces ONE message
  in the stock Smooks edifact:parser XML shape (<D96A:Message><UNH/><D96A:XXX/></D96A:Message>); UNT, UNH
  0062, UNB and UNZ are computed by io.aval.edifact.InterchangeWriter. Values are written as plain text:
  release characters, character set and lengths of the envelope are the writer's business.
-->
<xsl:stylesheet version="3.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:xs="http://www.w3.org/2001/XMLSchema"
                xmlns:cac="urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2"
                xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2"
                xmlns:aval="urn:aval:mapping"
                exclude-result-prefixes="#all">

  <!-- the directory this stylesheet writes; to-d01b.xsl overrides these three -->
  <xsl:variable name="dir" as="xs:string" select="'D96A'"/>
  <xsl:variable name="release" as="xs:string" select="'96A'"/>
  <xsl:variable name="ns" as="xs:string" select="'http://www.ibm.com/dfdl/edi/un/edifact/D96A'"/>

  <!-- UBL date (CCYY-MM-DD, maybe with a zone) to EDIFACT 2380 in format 102 (CCYYMMDD) -->
  <xsl:function name="aval:date102" as="xs:string">
    <xsl:param name="date" as="xs:string"/>
    <xsl:sequence select="translate(substring($date, 1, 10), '-', '')"/>
  </xsl:function>

  <!-- splits free text into at most $max pieces of up to $size characters (FTX 4440 an..70 x5, C080 3036 an..35 x5),
       breaking after a space where there is one, so that joining the pieces gives the text back -->
  <xsl:function name="aval:chunks" as="xs:string*">
    <xsl:param name="text" as="xs:string"/>
    <xsl:param name="size" as="xs:integer"/>
    <xsl:param name="max" as="xs:integer"/>
    <xsl:variable name="t" select="normalize-space($text)"/>
    <xsl:choose>
      <xsl:when test="$max le 0 or $t = ''"/>
      <xsl:when test="string-length($t) le $size"><xsl:sequence select="$t"/></xsl:when>
      <xsl:otherwise>
        <xsl:variable name="head" select="substring($t, 1, $size)"/>
        <xsl:variable name="cut" select="if (contains($head, ' ')) then string-length(replace($head, '^(.* ).*$', '$1')) else $size"/>
        <xsl:sequence select="substring($t, 1, $cut), aval:rest(substring($t, $cut + 1), $size, $max - 1)"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:function>

  <!-- like aval:chunks but keeps a leading character as is (the remainder after a cut is already normalised) -->
  <xsl:function name="aval:rest" as="xs:string*">
    <xsl:param name="t" as="xs:string"/>
    <xsl:param name="size" as="xs:integer"/>
    <xsl:param name="max" as="xs:integer"/>
    <xsl:choose>
      <xsl:when test="$max le 0 or $t = ''"/>
      <xsl:when test="string-length($t) le $size"><xsl:sequence select="$t"/></xsl:when>
      <xsl:otherwise>
        <xsl:variable name="head" select="substring($t, 1, $size)"/>
        <xsl:variable name="cut" select="if (contains($head, ' ')) then string-length(replace($head, '^(.* ).*$', '$1')) else $size"/>
        <xsl:sequence select="substring($t, 1, $cut), aval:rest(substring($t, $cut + 1), $size, $max - 1)"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:function>

  <!-- the message envelope: Message/UNH with S009, then the body built by the caller -->
  <xsl:template name="aval:message">
    <xsl:param name="type" as="xs:string"/>
    <xsl:param name="association" as="xs:string"/>
    <xsl:param name="body" as="element()*"/>
    <xsl:element name="{$dir}:Message" namespace="{$ns}">
      <UNH>
        <E0062>1</E0062>
        <S009><E0065><xsl:value-of select="$type"/></E0065><E0052>D</E0052><E0054><xsl:value-of select="$release"/></E0054><E0051>UN</E0051><E0057><xsl:value-of select="$association"/></E0057></S009>
      </UNH>
      <xsl:element name="{$dir}:{$type}" namespace="{$ns}">
        <xsl:sequence select="$body"/>
      </xsl:element>
    </xsl:element>
  </xsl:template>

  <!-- BGM: the document number is a simple 1004 in D96A and the first component of C106 from D99B on -->
  <xsl:template name="aval:bgm">
    <xsl:param name="code" as="xs:string"/>
    <xsl:param name="number" as="xs:string"/>
    <xsl:param name="function" as="xs:string" select="'9'"/>
    <BGM>
      <C002><E1001><xsl:value-of select="$code"/></E1001></C002>
      <xsl:choose>
        <xsl:when test="$dir = 'D96A'"><E1004><xsl:value-of select="normalize-space($number)"/></E1004></xsl:when>
        <xsl:otherwise><C106><E1004><xsl:value-of select="normalize-space($number)"/></E1004></C106></xsl:otherwise>
      </xsl:choose>
      <E1225><xsl:value-of select="$function"/></E1225>
    </BGM>
  </xsl:template>

  <xsl:template name="aval:dtm">
    <xsl:param name="qualifier" as="xs:string"/>
    <xsl:param name="date" as="xs:string?"/>
    <xsl:if test="normalize-space($date)">
      <DTM><C507><E2005><xsl:value-of select="$qualifier"/></E2005><E2380><xsl:value-of select="aval:date102($date)"/></E2380><E2379>102</E2379></C507></DTM>
    </xsl:if>
  </xsl:template>

  <xsl:template name="aval:ftx">
    <xsl:param name="qualifier" as="xs:string"/>
    <xsl:param name="text" as="xs:string?"/>
    <xsl:if test="normalize-space($text)">
      <FTX><E4451><xsl:value-of select="$qualifier"/></E4451><C108><xsl:for-each select="aval:chunks($text, 70, 5)"><E4440><xsl:value-of select="."/></E4440></xsl:for-each></C108></FTX>
    </xsl:if>
  </xsl:template>

  <xsl:template name="aval:rff">
    <xsl:param name="qualifier" as="xs:string"/>
    <xsl:param name="ref" as="xs:string?"/>
    <xsl:param name="line" as="xs:string?" select="()"/>
    <xsl:if test="normalize-space($ref)">
      <RFF><C506><E1153><xsl:value-of select="$qualifier"/></E1153><E1154><xsl:value-of select="normalize-space($ref)"/></E1154><xsl:if test="normalize-space($line)"><E1156><xsl:value-of select="$line"/></E1156></xsl:if></C506></RFF>
    </xsl:if>
  </xsl:template>

  <!-- NAD for a UBL cac:Party: GLN (scheme 0088) with agency 9, else the first id with agency 92 (assigned by buyer/seller) -->
  <xsl:template name="aval:nad">
    <xsl:param name="qualifier" as="xs:string"/>
    <xsl:param name="party" as="element()?"/>
    <xsl:param name="address" as="element()?" select="$party/cac:PostalAddress"/>
    <xsl:if test="$party">
      <xsl:variable name="gln" select="($party/cac:PartyIdentification/cbc:ID[@schemeID = '0088'], $party/cbc:EndpointID[@schemeID = '0088'])[1]"/>
      <xsl:variable name="id" select="($gln, $party/cac:PartyIdentification/cbc:ID)[1]"/>
      <NAD>
        <E3035><xsl:value-of select="$qualifier"/></E3035>
        <xsl:if test="$id"><C082><E3039><xsl:value-of select="normalize-space($id)"/></E3039><E3055><xsl:value-of select="if ($gln) then '9' else '92'"/></E3055></C082></xsl:if>
        <xsl:variable name="name" select="($party/cac:PartyName/cbc:Name, $party/cac:PartyLegalEntity/cbc:RegistrationName)[1]"/>
        <xsl:if test="$name"><C080><xsl:for-each select="aval:chunks($name, 35, 5)"><E3036><xsl:value-of select="."/></E3036></xsl:for-each></C080></xsl:if>
        <xsl:if test="$address">
          <xsl:variable name="street" select="normalize-space(string-join(($address/cbc:StreetName, $address/cbc:BuildingNumber), ' '))"/>
          <xsl:if test="$street"><C059><xsl:for-each select="aval:chunks($street, 35, 4)"><E3042><xsl:value-of select="."/></E3042></xsl:for-each></C059></xsl:if>
          <xsl:if test="$address/cbc:CityName"><E3164><xsl:value-of select="$address/cbc:CityName"/></E3164></xsl:if>
          <xsl:if test="$address/cbc:CountrySubentity"><E3229><xsl:value-of select="$address/cbc:CountrySubentity"/></E3229></xsl:if>
          <xsl:if test="$address/cbc:PostalZone"><E3251><xsl:value-of select="$address/cbc:PostalZone"/></E3251></xsl:if>
          <xsl:if test="$address/cac:Country/cbc:IdentificationCode"><E3207><xsl:value-of select="$address/cac:Country/cbc:IdentificationCode"/></E3207></xsl:if>
        </xsl:if>
      </NAD>
    </xsl:if>
  </xsl:template>

  <!-- LIN + PIA + IMD for a UBL cac:Item: GTIN (scheme 0160) as EN, seller's article number as SA -->
  <xsl:template name="aval:lin">
    <xsl:param name="number" as="xs:string"/>
    <xsl:param name="item" as="element()?"/>
    <xsl:param name="action" as="xs:string?" select="()"/>
    <xsl:variable name="gtin" select="$item/cac:StandardItemIdentification/cbc:ID[@schemeID = '0160' or not(@schemeID)][1]"/>
    <LIN>
      <E1082><xsl:value-of select="$number"/></E1082>
      <xsl:if test="$action"><E1229><xsl:value-of select="$action"/></E1229></xsl:if>
      <xsl:if test="$gtin"><C212><E7140><xsl:value-of select="normalize-space($gtin)"/></E7140><E7143>EN</E7143></C212></xsl:if>
    </LIN>
    <xsl:if test="$item/cac:SellersItemIdentification/cbc:ID">
      <PIA><E4347>1</E4347><C212><E7140><xsl:value-of select="normalize-space($item/cac:SellersItemIdentification/cbc:ID)"/></E7140><E7143>SA</E7143></C212></PIA>
    </xsl:if>
    <xsl:if test="$item/cbc:Name">
      <IMD><E7077>F</E7077><C273><E7008><xsl:value-of select="aval:chunks($item/cbc:Name, 35, 1)"/></E7008><xsl:if test="string-length(normalize-space($item/cbc:Name)) gt 35"><E7008><xsl:value-of select="substring(normalize-space($item/cbc:Name), 36, 35)"/></E7008></xsl:if></C273></IMD>
    </xsl:if>
  </xsl:template>

  <xsl:template name="aval:qty">
    <xsl:param name="qualifier" as="xs:string"/>
    <xsl:param name="quantity" as="element()?"/>
    <xsl:if test="$quantity">
      <QTY><C186><E6063><xsl:value-of select="$qualifier"/></E6063><E6060><xsl:value-of select="normalize-space($quantity)"/></E6060><xsl:if test="$quantity/@unitCode and $quantity/@unitCode != 'C62'"><E6411><xsl:value-of select="$quantity/@unitCode"/></E6411></xsl:if></C186></QTY>
    </xsl:if>
  </xsl:template>

  <xsl:template name="aval:moa">
    <xsl:param name="qualifier" as="xs:string"/>
    <xsl:param name="amount" as="element()?"/>
    <xsl:if test="$amount">
      <MOA><C516><E5025><xsl:value-of select="$qualifier"/></E5025><E5004><xsl:value-of select="normalize-space($amount)"/></E5004></C516></MOA>
    </xsl:if>
  </xsl:template>

  <xsl:template name="aval:pri">
    <xsl:param name="price" as="element()?"/>
    <xsl:if test="$price/cbc:PriceAmount">
      <PRI><C509><E5125>AAA</E5125><E5118><xsl:value-of select="normalize-space($price/cbc:PriceAmount)"/></E5118></C509></PRI>
    </xsl:if>
  </xsl:template>

  <!-- TAX+7+VAT+++:::20+S for a UBL cac:TaxCategory / cac:ClassifiedTaxCategory -->
  <xsl:template name="aval:tax">
    <xsl:param name="category" as="element()?"/>
    <xsl:if test="$category">
      <TAX><E5283>7</E5283><C241><E5153><xsl:value-of select="($category/cac:TaxScheme/cbc:ID, 'VAT')[1]"/></E5153></C241>
        <xsl:if test="$category/cbc:Percent"><C243><E5278><xsl:value-of select="$category/cbc:Percent"/></E5278></C243></xsl:if>
        <xsl:if test="$category/cbc:ID"><E5305><xsl:value-of select="$category/cbc:ID"/></E5305></xsl:if>
      </TAX>
    </xsl:if>
  </xsl:template>
</xsl:stylesheet>
