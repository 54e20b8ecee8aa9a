package org.vigil.partner;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Converter;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.vigil.indicator.IndicatorType;
import org.vigil.platform.db.Versioned;
import org.vigil.platform.web.Coded;

/** A bank, operator, platform or registrar allowed to read the partner feed, as an admin registered it. */
@Entity
@Table(name = "partner_organisation")
public class PartnerOrganisation extends Versioned {

    public static final int MAX_CODE = 64;

    /** The value of the partner token's organisation claim. */
    @Id
    @Column(length = MAX_CODE)
    public String code;

    @Column(nullable = false, length = 200)
    public String name;

    @Column(nullable = false, length = 16)
    @Convert(converter = SectorColumn.class)
    public Sector sector;

    @Column(nullable = false)
    public boolean enabled;

    @Convert(converter = IndicatorTypes.class)
    @Column(name = "indicator_types", nullable = false, length = 100)
    public List<IndicatorType> indicatorTypes;

    /** Whether the organisation is sent indicators of this type (and may report on them). */
    public boolean receives(IndicatorType type) {
        return indicatorTypes.contains(type);
    }

    @Converter
    public static class SectorColumn implements AttributeConverter<Sector, String> {
        @Override
        public String convertToDatabaseColumn(Sector sector) {
            return sector == null ? null : sector.code();
        }

        @Override
        public Sector convertToEntityAttribute(String column) {
            return Coded.stored(Sector.class, column);
        }
    }

    /** Indicator types as their codes, comma-separated in one column. */
    @Converter
    public static class IndicatorTypes implements AttributeConverter<List<IndicatorType>, String> {
        @Override
        public String convertToDatabaseColumn(List<IndicatorType> types) {
            return types == null ? "" : types.stream().map(IndicatorType::code).collect(Collectors.joining(","));
        }

        @Override
        public List<IndicatorType> convertToEntityAttribute(String column) {
            return column == null || column.isEmpty()
                    ? List.of()
                    : Arrays.stream(column.split(","))
                            .map(code -> Coded.stored(IndicatorType.class, code))
                            .toList();
        }
    }
}
