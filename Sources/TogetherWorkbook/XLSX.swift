import CXlsxwriter
import Foundation
import TogetherAggregate

/// Writes a workbook plan as an Excel workbook (`.xlsx`) through libxlsxwriter: numbers as numbers, a hidden
/// count as the report's mark, headings in bold with the heading rows kept in view, long words wrapped, and
/// native charts (a value axis named, values written on the bars).
public enum XLSXWriter {
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// The workbook's bytes. It is made in a folder only this user can read, then removed.
    public static func data(_ plan: WorkbookPlan) throws -> Data {
        var template = Array((NSTemporaryDirectory() + "/together-xlsx-XXXXXX").utf8CString)
        guard let made = mkdtemp(&template) else { throw Failure(description: "cannot make a folder for the workbook") }
        let folder = String(cString: made)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/tally.xlsx"
        try write(plan, to: path)
        return try Data(contentsOf: URL(fileURLWithPath: path))
    }

    static func write(_ plan: WorkbookPlan, to path: String) throws {
        guard let book = workbook_new(path) else { throw Failure(description: "libxlsxwriter could not start a workbook") }
        var properties = lxw_doc_properties()
        let title = strdup(plan.title), author = strdup("Together")
        defer { free(title); free(author) }
        properties.title = title
        properties.author = author
        workbook_set_properties(book, &properties)

        let formats = Formats(book)
        for sheet in plan.sheets {
            guard let ws = workbook_add_worksheet(book, sheet.name) else {
                throw Failure(description: "libxlsxwriter refused the sheet name \"\(sheet.name)\"")
            }
            worksheet_set_paper(ws, 9) // A4
            worksheet_fit_to_pages(ws, 1, 0)
            for (c, width) in sheet.widths.enumerated() { worksheet_set_column(ws, lxw_col_t(c), lxw_col_t(c), width, nil) }
            if sheet.frozenRows > 0 { worksheet_freeze_panes(ws, lxw_row_t(sheet.frozenRows), 0) }
            for (r, row) in sheet.rows.enumerated() {
                for (c, value) in row.enumerated() {
                    let (row, col) = (lxw_row_t(r), lxw_col_t(c))
                    switch value {
                    case .text(let words, let style): worksheet_write_string(ws, row, col, words, formats[style])
                    case .number(let n): worksheet_write_number(ws, row, col, Double(n), formats.number)
                    case .mark: worksheet_write_string(ws, row, col, plan.mark, formats.mark)
                    case .empty: break
                    }
                }
            }
            for chart in sheet.charts {
                guard let made = workbook_add_chart(book, kind(chart.kind)) else { continue }
                chart_title_set_name(made, chart.title)
                chart_axis_set_name(made.pointee.y_axis, chart.kind == .bar || chart.kind == .stackedBar ? nil : chart.valueAxis)
                chart_axis_set_name(made.pointee.x_axis, chart.kind == .bar || chart.kind == .stackedBar ? chart.valueAxis : nil)
                for series in chart.series {
                    guard let s = chart_add_series(made, nil, nil) else { continue }
                    chart_series_set_categories(s, sheet.name, lxw_row_t(chart.first), lxw_col_t(chart.categoryColumn),
                                                lxw_row_t(chart.last), lxw_col_t(chart.categoryColumn))
                    chart_series_set_values(s, sheet.name, lxw_row_t(chart.first), lxw_col_t(series.column),
                                            lxw_row_t(chart.last), lxw_col_t(series.column))
                    chart_series_set_name(s, series.name)
                    chart_series_set_labels(s)
                }
                if chart.series.count < 2 { chart_legend_set_position(made, UInt8(LXW_CHART_LEGEND_NONE.rawValue)) }
                else { chart_legend_set_position(made, UInt8(LXW_CHART_LEGEND_BOTTOM.rawValue)) }
                var options = lxw_chart_options()
                options.x_scale = 1.6
                options.y_scale = max(1.2, Double(chart.last - chart.first + 1) / 6)
                worksheet_insert_chart_opt(ws, lxw_row_t(chart.row), lxw_col_t(chart.column), made, &options)
            }
        }
        let result = workbook_close(book)
        guard result == LXW_NO_ERROR else {
            throw Failure(description: "the workbook could not be written: " + String(cString: lxw_strerror(result)))
        }
    }

    static func kind(_ kind: WorkbookPlan.ChartKind) -> UInt8 {
        switch kind {
        case .bar: UInt8(LXW_CHART_BAR.rawValue)
        case .column: UInt8(LXW_CHART_COLUMN.rawValue)
        case .stackedBar: UInt8(LXW_CHART_BAR_STACKED.rawValue)
        case .line: UInt8(LXW_CHART_LINE.rawValue)
        }
    }

    /// The few formats a workbook uses, made once.
    struct Formats {
        let title, heading, plain, wrapped, number, mark: UnsafeMutablePointer<lxw_format>?

        init(_ book: UnsafeMutablePointer<lxw_workbook>) {
            title = workbook_add_format(book)
            format_set_bold(title)
            format_set_font_size(title, 14)
            heading = workbook_add_format(book)
            format_set_bold(heading)
            format_set_text_wrap(heading)
            format_set_align(heading, UInt8(LXW_ALIGN_VERTICAL_TOP.rawValue))
            plain = workbook_add_format(book)
            format_set_align(plain, UInt8(LXW_ALIGN_VERTICAL_TOP.rawValue))
            wrapped = workbook_add_format(book)
            format_set_text_wrap(wrapped)
            format_set_align(wrapped, UInt8(LXW_ALIGN_VERTICAL_TOP.rawValue))
            number = workbook_add_format(book)
            format_set_align(number, UInt8(LXW_ALIGN_VERTICAL_TOP.rawValue))
            // The mark sits where the numbers sit, on the right, in italics: a word, never a number.
            mark = workbook_add_format(book)
            format_set_italic(mark)
            format_set_align(mark, UInt8(LXW_ALIGN_RIGHT.rawValue))
            format_set_align(mark, UInt8(LXW_ALIGN_VERTICAL_TOP.rawValue))
        }

        subscript(style: WorkbookPlan.Style) -> UnsafeMutablePointer<lxw_format>? {
            switch style {
            case .title: title
            case .heading: heading
            case .plain: plain
            case .wrapped: wrapped
            }
        }
    }
}
