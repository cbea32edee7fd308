import { createRequire as __tfrCreateRequire } from 'node:module'; const require = __tfrCreateRequire(import.meta.url);
import {
  __commonJS,
  __esm,
  __export,
  __require,
  __toCommonJS,
  __toESM
} from "./chunk-TEVZZSVY.js";

// node_modules/dockerfile-ast/lib/argument.js
var require_argument = __commonJS({
  "node_modules/dockerfile-ast/lib/argument.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Argument = void 0;
    var Argument = class {
      constructor(value, range) {
        this.value = value;
        this.range = range;
      }
      toString() {
        return this.value;
      }
      getRange() {
        return this.range;
      }
      getValue() {
        return this.value;
      }
      isAfter(position) {
        if (this.range.end.line < position.line) {
          return false;
        }
        return this.range.start.line > position.line ? true : this.range.start.character > position.character;
      }
      isBefore(position) {
        if (this.range.start.line < position.line) {
          return true;
        }
        return this.range.end.line > position.line ? false : this.range.end.character < position.character;
      }
    };
    exports.Argument = Argument;
  }
});

// node_modules/dockerfile-ast/lib/jsonArgument.js
var require_jsonArgument = __commonJS({
  "node_modules/dockerfile-ast/lib/jsonArgument.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.JSONArgument = void 0;
    var argument_1 = require_argument();
    var JSONArgument = class extends argument_1.Argument {
      constructor(value, range, jsonRange) {
        super(value, range);
        this.jsonRange = jsonRange;
      }
      getJSONRange() {
        return this.jsonRange;
      }
      getJSONValue() {
        let value = super.getValue();
        value = value.substring(1, value.length - 1);
        return value;
      }
    };
    exports.JSONArgument = JSONArgument;
  }
});

// node_modules/vscode-languageserver-types/lib/esm/main.js
var main_exports = {};
__export(main_exports, {
  AnnotatedTextEdit: () => AnnotatedTextEdit,
  ApplyKind: () => ApplyKind,
  ChangeAnnotation: () => ChangeAnnotation,
  ChangeAnnotationIdentifier: () => ChangeAnnotationIdentifier,
  CodeAction: () => CodeAction,
  CodeActionContext: () => CodeActionContext,
  CodeActionKind: () => CodeActionKind,
  CodeActionTag: () => CodeActionTag,
  CodeActionTriggerKind: () => CodeActionTriggerKind,
  CodeDescription: () => CodeDescription,
  CodeLens: () => CodeLens,
  Color: () => Color,
  ColorInformation: () => ColorInformation,
  ColorPresentation: () => ColorPresentation,
  Command: () => Command,
  CompletionItem: () => CompletionItem,
  CompletionItemKind: () => CompletionItemKind,
  CompletionItemLabelDetails: () => CompletionItemLabelDetails,
  CompletionItemTag: () => CompletionItemTag,
  CompletionList: () => CompletionList,
  CreateFile: () => CreateFile,
  DeleteFile: () => DeleteFile,
  Diagnostic: () => Diagnostic,
  DiagnosticRelatedInformation: () => DiagnosticRelatedInformation,
  DiagnosticSeverity: () => DiagnosticSeverity,
  DiagnosticTag: () => DiagnosticTag,
  DocumentHighlight: () => DocumentHighlight,
  DocumentHighlightKind: () => DocumentHighlightKind,
  DocumentLink: () => DocumentLink,
  DocumentSymbol: () => DocumentSymbol,
  DocumentUri: () => DocumentUri,
  EOL: () => EOL,
  FoldingRange: () => FoldingRange,
  FoldingRangeKind: () => FoldingRangeKind,
  FormattingOptions: () => FormattingOptions,
  Hover: () => Hover,
  InlayHint: () => InlayHint,
  InlayHintKind: () => InlayHintKind,
  InlayHintLabelPart: () => InlayHintLabelPart,
  InlineCompletionContext: () => InlineCompletionContext,
  InlineCompletionItem: () => InlineCompletionItem,
  InlineCompletionList: () => InlineCompletionList,
  InlineCompletionTriggerKind: () => InlineCompletionTriggerKind,
  InlineValueContext: () => InlineValueContext,
  InlineValueEvaluatableExpression: () => InlineValueEvaluatableExpression,
  InlineValueText: () => InlineValueText,
  InlineValueVariableLookup: () => InlineValueVariableLookup,
  InsertReplaceEdit: () => InsertReplaceEdit,
  InsertTextFormat: () => InsertTextFormat,
  InsertTextMode: () => InsertTextMode,
  LanguageKind: () => LanguageKind,
  Location: () => Location,
  LocationLink: () => LocationLink,
  MarkedString: () => MarkedString,
  MarkupContent: () => MarkupContent,
  MarkupKind: () => MarkupKind,
  OptionalVersionedTextDocumentIdentifier: () => OptionalVersionedTextDocumentIdentifier,
  ParameterInformation: () => ParameterInformation,
  Position: () => Position,
  Range: () => Range2,
  RenameFile: () => RenameFile,
  SelectedCompletionInfo: () => SelectedCompletionInfo,
  SelectionRange: () => SelectionRange,
  SemanticTokenModifiers: () => SemanticTokenModifiers,
  SemanticTokenTypes: () => SemanticTokenTypes,
  SemanticTokens: () => SemanticTokens,
  SignatureInformation: () => SignatureInformation,
  SnippetTextEdit: () => SnippetTextEdit,
  StringValue: () => StringValue,
  SymbolInformation: () => SymbolInformation,
  SymbolKind: () => SymbolKind,
  SymbolTag: () => SymbolTag,
  TextDocument: () => TextDocument,
  TextDocumentEdit: () => TextDocumentEdit,
  TextDocumentIdentifier: () => TextDocumentIdentifier,
  TextDocumentItem: () => TextDocumentItem,
  TextEdit: () => TextEdit,
  URI: () => URI,
  VersionedTextDocumentIdentifier: () => VersionedTextDocumentIdentifier,
  WorkspaceChange: () => WorkspaceChange,
  WorkspaceEdit: () => WorkspaceEdit,
  WorkspaceFolder: () => WorkspaceFolder,
  WorkspaceSymbol: () => WorkspaceSymbol,
  integer: () => integer,
  uinteger: () => uinteger
});
var DocumentUri, URI, integer, uinteger, Position, Range2, Location, LocationLink, Color, ColorInformation, ColorPresentation, FoldingRangeKind, FoldingRange, DiagnosticRelatedInformation, DiagnosticSeverity, DiagnosticTag, CodeDescription, Diagnostic, Command, TextEdit, ChangeAnnotation, ChangeAnnotationIdentifier, AnnotatedTextEdit, TextDocumentEdit, CreateFile, RenameFile, DeleteFile, WorkspaceEdit, TextEditChangeImpl, SnippetTextEdit, ChangeAnnotations, WorkspaceChange, TextDocumentIdentifier, VersionedTextDocumentIdentifier, OptionalVersionedTextDocumentIdentifier, LanguageKind, TextDocumentItem, MarkupKind, MarkupContent, CompletionItemKind, InsertTextFormat, CompletionItemTag, InsertReplaceEdit, InsertTextMode, ApplyKind, CompletionItemLabelDetails, CompletionItem, CompletionList, MarkedString, Hover, ParameterInformation, SignatureInformation, DocumentHighlightKind, DocumentHighlight, SymbolKind, SymbolTag, SymbolInformation, WorkspaceSymbol, DocumentSymbol, CodeActionKind, CodeActionTriggerKind, CodeActionContext, CodeActionTag, CodeAction, CodeLens, FormattingOptions, DocumentLink, SelectionRange, SemanticTokenTypes, SemanticTokenModifiers, SemanticTokens, InlineValueText, InlineValueVariableLookup, InlineValueEvaluatableExpression, InlineValueContext, InlayHintKind, InlayHintLabelPart, InlayHint, StringValue, InlineCompletionItem, InlineCompletionList, InlineCompletionTriggerKind, SelectedCompletionInfo, InlineCompletionContext, WorkspaceFolder, EOL, TextDocument, FullTextDocument, Is;
var init_main = __esm({
  "node_modules/vscode-languageserver-types/lib/esm/main.js"() {
    "use strict";
    (function(DocumentUri2) {
      function is(value) {
        return typeof value === "string";
      }
      DocumentUri2.is = is;
    })(DocumentUri || (DocumentUri = {}));
    (function(URI2) {
      function is(value) {
        return typeof value === "string";
      }
      URI2.is = is;
    })(URI || (URI = {}));
    (function(integer2) {
      integer2.MIN_VALUE = -2147483648;
      integer2.MAX_VALUE = 2147483647;
      function is(value) {
        return typeof value === "number" && integer2.MIN_VALUE <= value && value <= integer2.MAX_VALUE;
      }
      integer2.is = is;
    })(integer || (integer = {}));
    (function(uinteger2) {
      uinteger2.MIN_VALUE = 0;
      uinteger2.MAX_VALUE = 2147483647;
      function is(value) {
        return typeof value === "number" && uinteger2.MIN_VALUE <= value && value <= uinteger2.MAX_VALUE;
      }
      uinteger2.is = is;
    })(uinteger || (uinteger = {}));
    (function(Position2) {
      function create(line, character) {
        if (line === Number.MAX_VALUE) {
          line = uinteger.MAX_VALUE;
        }
        if (character === Number.MAX_VALUE) {
          character = uinteger.MAX_VALUE;
        }
        return { line, character };
      }
      Position2.create = create;
      function is(value) {
        const candidate = value;
        return Is.objectLiteral(candidate) && Is.uinteger(candidate.line) && Is.uinteger(candidate.character);
      }
      Position2.is = is;
    })(Position || (Position = {}));
    (function(Range3) {
      function create(one, two, three, four) {
        if (Is.uinteger(one) && Is.uinteger(two) && Is.uinteger(three) && Is.uinteger(four)) {
          return { start: Position.create(one, two), end: Position.create(three, four) };
        } else if (Position.is(one) && Position.is(two)) {
          return { start: one, end: two };
        } else {
          throw new Error(`Range#create called with invalid arguments[${one}, ${two}, ${three}, ${four}]`);
        }
      }
      Range3.create = create;
      function is(value) {
        const candidate = value;
        return Is.objectLiteral(candidate) && Position.is(candidate.start) && Position.is(candidate.end);
      }
      Range3.is = is;
    })(Range2 || (Range2 = {}));
    (function(Location2) {
      function create(uri, range) {
        return { uri, range };
      }
      Location2.create = create;
      function is(value) {
        const candidate = value;
        return Is.objectLiteral(candidate) && Range2.is(candidate.range) && (Is.string(candidate.uri) || Is.undefined(candidate.uri));
      }
      Location2.is = is;
    })(Location || (Location = {}));
    (function(LocationLink2) {
      function create(targetUri, targetRange, targetSelectionRange, originSelectionRange) {
        return { targetUri, targetRange, targetSelectionRange, originSelectionRange };
      }
      LocationLink2.create = create;
      function is(value) {
        const candidate = value;
        return Is.objectLiteral(candidate) && Range2.is(candidate.targetRange) && Is.string(candidate.targetUri) && Range2.is(candidate.targetSelectionRange) && (Range2.is(candidate.originSelectionRange) || Is.undefined(candidate.originSelectionRange));
      }
      LocationLink2.is = is;
    })(LocationLink || (LocationLink = {}));
    (function(Color2) {
      function create(red, green, blue, alpha) {
        return {
          red,
          green,
          blue,
          alpha
        };
      }
      Color2.create = create;
      function is(value) {
        const candidate = value;
        return Is.objectLiteral(candidate) && Is.numberRange(candidate.red, 0, 1) && Is.numberRange(candidate.green, 0, 1) && Is.numberRange(candidate.blue, 0, 1) && Is.numberRange(candidate.alpha, 0, 1);
      }
      Color2.is = is;
    })(Color || (Color = {}));
    (function(ColorInformation2) {
      function create(range, color) {
        return {
          range,
          color
        };
      }
      ColorInformation2.create = create;
      function is(value) {
        const candidate = value;
        return Is.objectLiteral(candidate) && Range2.is(candidate.range) && Color.is(candidate.color);
      }
      ColorInformation2.is = is;
    })(ColorInformation || (ColorInformation = {}));
    (function(ColorPresentation2) {
      function create(label, textEdit, additionalTextEdits) {
        return {
          label,
          textEdit,
          additionalTextEdits
        };
      }
      ColorPresentation2.create = create;
      function is(value) {
        const candidate = value;
        return Is.objectLiteral(candidate) && Is.string(candidate.label) && (Is.undefined(candidate.textEdit) || TextEdit.is(candidate.textEdit)) && (Is.undefined(candidate.additionalTextEdits) || Is.typedArray(candidate.additionalTextEdits, TextEdit.is));
      }
      ColorPresentation2.is = is;
    })(ColorPresentation || (ColorPresentation = {}));
    (function(FoldingRangeKind2) {
      FoldingRangeKind2.Comment = "comment";
      FoldingRangeKind2.Imports = "imports";
      FoldingRangeKind2.Region = "region";
    })(FoldingRangeKind || (FoldingRangeKind = {}));
    (function(FoldingRange2) {
      function create(startLine, endLine, startCharacter, endCharacter, kind, collapsedText) {
        const result = {
          startLine,
          endLine
        };
        if (Is.defined(startCharacter)) {
          result.startCharacter = startCharacter;
        }
        if (Is.defined(endCharacter)) {
          result.endCharacter = endCharacter;
        }
        if (Is.defined(kind)) {
          result.kind = kind;
        }
        if (Is.defined(collapsedText)) {
          result.collapsedText = collapsedText;
        }
        return result;
      }
      FoldingRange2.create = create;
      function is(value) {
        const candidate = value;
        return Is.objectLiteral(candidate) && Is.uinteger(candidate.startLine) && Is.uinteger(candidate.endLine) && (Is.undefined(candidate.startCharacter) || Is.uinteger(candidate.startCharacter)) && (Is.undefined(candidate.endCharacter) || Is.uinteger(candidate.endCharacter)) && (Is.undefined(candidate.kind) || Is.string(candidate.kind));
      }
      FoldingRange2.is = is;
    })(FoldingRange || (FoldingRange = {}));
    (function(DiagnosticRelatedInformation2) {
      function create(location, message) {
        return {
          location,
          message
        };
      }
      DiagnosticRelatedInformation2.create = create;
      function is(value) {
        const candidate = value;
        return Is.defined(candidate) && Location.is(candidate.location) && Is.string(candidate.message);
      }
      DiagnosticRelatedInformation2.is = is;
    })(DiagnosticRelatedInformation || (DiagnosticRelatedInformation = {}));
    (function(DiagnosticSeverity2) {
      DiagnosticSeverity2.Error = 1;
      DiagnosticSeverity2.Warning = 2;
      DiagnosticSeverity2.Information = 3;
      DiagnosticSeverity2.Hint = 4;
    })(DiagnosticSeverity || (DiagnosticSeverity = {}));
    (function(DiagnosticTag2) {
      DiagnosticTag2.Unnecessary = 1;
      DiagnosticTag2.Deprecated = 2;
    })(DiagnosticTag || (DiagnosticTag = {}));
    (function(CodeDescription2) {
      function is(value) {
        const candidate = value;
        return Is.objectLiteral(candidate) && Is.string(candidate.href);
      }
      CodeDescription2.is = is;
    })(CodeDescription || (CodeDescription = {}));
    (function(Diagnostic2) {
      function create(range, message, severity, code2, source, relatedInformation) {
        const result = { range, message };
        if (Is.defined(severity)) {
          result.severity = severity;
        }
        if (Is.defined(code2)) {
          result.code = code2;
        }
        if (Is.defined(source)) {
          result.source = source;
        }
        if (Is.defined(relatedInformation)) {
          result.relatedInformation = relatedInformation;
        }
        return result;
      }
      Diagnostic2.create = create;
      function is(value) {
        var _a;
        const candidate = value;
        return Is.defined(candidate) && Range2.is(candidate.range) && (Is.string(candidate.message) || MarkupContent.is(candidate.message)) && (Is.number(candidate.severity) || Is.undefined(candidate.severity)) && (Is.integer(candidate.code) || Is.string(candidate.code) || Is.undefined(candidate.code)) && (Is.undefined(candidate.codeDescription) || Is.string((_a = candidate.codeDescription) === null || _a === void 0 ? void 0 : _a.href)) && (Is.string(candidate.source) || Is.undefined(candidate.source)) && (Is.undefined(candidate.relatedInformation) || Is.typedArray(candidate.relatedInformation, DiagnosticRelatedInformation.is));
      }
      Diagnostic2.is = is;
      function is3_17(value) {
        return Is.string(value.message);
      }
      Diagnostic2.is3_17 = is3_17;
      function getMessageString(diagnostic) {
        if (Is.string(diagnostic.message)) {
          return diagnostic.message;
        } else if (MarkupContent.is(diagnostic.message)) {
          return diagnostic.message.value;
        } else {
          throw new Error(`Unknown message type ${typeof diagnostic.message}`);
        }
      }
      Diagnostic2.getMessageString = getMessageString;
    })(Diagnostic || (Diagnostic = {}));
    (function(Command2) {
      function create(title, command, ...args) {
        const result = { title, command };
        if (Is.defined(args) && args.length > 0) {
          result.arguments = args;
        }
        return result;
      }
      Command2.create = create;
      function is(value) {
        const candidate = value;
        return Is.defined(candidate) && Is.string(candidate.title) && (candidate.tooltip === void 0 || Is.string(candidate.tooltip)) && Is.string(candidate.command);
      }
      Command2.is = is;
    })(Command || (Command = {}));
    (function(TextEdit2) {
      function replace(range, newText) {
        return { range, newText };
      }
      TextEdit2.replace = replace;
      function insert(position, newText) {
        return { range: { start: position, end: position }, newText };
      }
      TextEdit2.insert = insert;
      function del(range) {
        return { range, newText: "" };
      }
      TextEdit2.del = del;
      function is(value) {
        const candidate = value;
        return Is.objectLiteral(candidate) && Is.string(candidate.newText) && Range2.is(candidate.range);
      }
      TextEdit2.is = is;
    })(TextEdit || (TextEdit = {}));
    (function(ChangeAnnotation2) {
      function create(label, needsConfirmation, description) {
        const result = { label };
        if (needsConfirmation !== void 0) {
          result.needsConfirmation = needsConfirmation;
        }
        if (description !== void 0) {
          result.description = description;
        }
        return result;
      }
      ChangeAnnotation2.create = create;
      function is(value) {
        const candidate = value;
        return Is.objectLiteral(candidate) && Is.string(candidate.label) && (Is.boolean(candidate.needsConfirmation) || candidate.needsConfirmation === void 0) && (Is.string(candidate.description) || candidate.description === void 0);
      }
      ChangeAnnotation2.is = is;
    })(ChangeAnnotation || (ChangeAnnotation = {}));
    (function(ChangeAnnotationIdentifier2) {
      function is(value) {
        const candidate = value;
        return Is.string(candidate);
      }
      ChangeAnnotationIdentifier2.is = is;
    })(ChangeAnnotationIdentifier || (ChangeAnnotationIdentifier = {}));
    (function(AnnotatedTextEdit2) {
      function replace(range, newText, annotation) {
        return { range, newText, annotationId: annotation };
      }
      AnnotatedTextEdit2.replace = replace;
      function insert(position, newText, annotation) {
        return { range: { start: position, end: position }, newText, annotationId: annotation };
      }
      AnnotatedTextEdit2.insert = insert;
      function del(range, annotation) {
        return { range, newText: "", annotationId: annotation };
      }
      AnnotatedTextEdit2.del = del;
      function is(value) {
        const candidate = value;
        return TextEdit.is(candidate) && (ChangeAnnotation.is(candidate.annotationId) || ChangeAnnotationIdentifier.is(candidate.annotationId));
      }
      AnnotatedTextEdit2.is = is;
    })(AnnotatedTextEdit || (AnnotatedTextEdit = {}));
    (function(TextDocumentEdit2) {
      function create(textDocument, edits) {
        return { textDocument, edits };
      }
      TextDocumentEdit2.create = create;
      function is(value) {
        const candidate = value;
        return Is.defined(candidate) && OptionalVersionedTextDocumentIdentifier.is(candidate.textDocument) && Array.isArray(candidate.edits);
      }
      TextDocumentEdit2.is = is;
    })(TextDocumentEdit || (TextDocumentEdit = {}));
    (function(CreateFile2) {
      function create(uri, options, annotation) {
        const result = {
          kind: "create",
          uri
        };
        if (options !== void 0 && (options.overwrite !== void 0 || options.ignoreIfExists !== void 0)) {
          result.options = options;
        }
        if (annotation !== void 0) {
          result.annotationId = annotation;
        }
        return result;
      }
      CreateFile2.create = create;
      function is(value) {
        const candidate = value;
        return candidate && candidate.kind === "create" && Is.string(candidate.uri) && (candidate.options === void 0 || (candidate.options.overwrite === void 0 || Is.boolean(candidate.options.overwrite)) && (candidate.options.ignoreIfExists === void 0 || Is.boolean(candidate.options.ignoreIfExists))) && (candidate.annotationId === void 0 || ChangeAnnotationIdentifier.is(candidate.annotationId));
      }
      CreateFile2.is = is;
    })(CreateFile || (CreateFile = {}));
    (function(RenameFile2) {
      function create(oldUri, newUri, options, annotation) {
        const result = {
          kind: "rename",
          oldUri,
          newUri
        };
        if (options !== void 0 && (options.overwrite !== void 0 || options.ignoreIfExists !== void 0)) {
          result.options = options;
        }
        if (annotation !== void 0) {
          result.annotationId = annotation;
        }
        return result;
      }
      RenameFile2.create = create;
      function is(value) {
        const candidate = value;
        return candidate && candidate.kind === "rename" && Is.string(candidate.oldUri) && Is.string(candidate.newUri) && (candidate.options === void 0 || (candidate.options.overwrite === void 0 || Is.boolean(candidate.options.overwrite)) && (candidate.options.ignoreIfExists === void 0 || Is.boolean(candidate.options.ignoreIfExists))) && (candidate.annotationId === void 0 || ChangeAnnotationIdentifier.is(candidate.annotationId));
      }
      RenameFile2.is = is;
    })(RenameFile || (RenameFile = {}));
    (function(DeleteFile2) {
      function create(uri, options, annotation) {
        const result = {
          kind: "delete",
          uri
        };
        if (options !== void 0 && (options.recursive !== void 0 || options.ignoreIfNotExists !== void 0)) {
          result.options = options;
        }
        if (annotation !== void 0) {
          result.annotationId = annotation;
        }
        return result;
      }
      DeleteFile2.create = create;
      function is(value) {
        const candidate = value;
        return candidate && candidate.kind === "delete" && Is.string(candidate.uri) && (candidate.options === void 0 || (candidate.options.recursive === void 0 || Is.boolean(candidate.options.recursive)) && (candidate.options.ignoreIfNotExists === void 0 || Is.boolean(candidate.options.ignoreIfNotExists))) && (candidate.annotationId === void 0 || ChangeAnnotationIdentifier.is(candidate.annotationId));
      }
      DeleteFile2.is = is;
    })(DeleteFile || (DeleteFile = {}));
    (function(WorkspaceEdit2) {
      function is(value) {
        const candidate = value;
        return candidate && (candidate.changes !== void 0 || candidate.documentChanges !== void 0) && (candidate.documentChanges === void 0 || candidate.documentChanges.every((change) => {
          if (Is.string(change.kind)) {
            return CreateFile.is(change) || RenameFile.is(change) || DeleteFile.is(change);
          } else {
            return TextDocumentEdit.is(change);
          }
        }));
      }
      WorkspaceEdit2.is = is;
    })(WorkspaceEdit || (WorkspaceEdit = {}));
    TextEditChangeImpl = class {
      constructor(edits, changeAnnotations) {
        this.edits = edits;
        this.changeAnnotations = changeAnnotations;
      }
      insert(position, newText, annotation) {
        let edit;
        let id2;
        if (annotation === void 0) {
          edit = TextEdit.insert(position, newText);
        } else if (ChangeAnnotationIdentifier.is(annotation)) {
          id2 = annotation;
          edit = AnnotatedTextEdit.insert(position, newText, annotation);
        } else {
          this.assertChangeAnnotations(this.changeAnnotations);
          id2 = this.changeAnnotations.manage(annotation);
          edit = AnnotatedTextEdit.insert(position, newText, id2);
        }
        this.edits.push(edit);
        if (id2 !== void 0) {
          return id2;
        }
      }
      replace(range, newText, annotation) {
        let edit;
        let id2;
        if (annotation === void 0) {
          edit = TextEdit.replace(range, newText);
        } else if (ChangeAnnotationIdentifier.is(annotation)) {
          id2 = annotation;
          edit = AnnotatedTextEdit.replace(range, newText, annotation);
        } else {
          this.assertChangeAnnotations(this.changeAnnotations);
          id2 = this.changeAnnotations.manage(annotation);
          edit = AnnotatedTextEdit.replace(range, newText, id2);
        }
        this.edits.push(edit);
        if (id2 !== void 0) {
          return id2;
        }
      }
      delete(range, annotation) {
        let edit;
        let id2;
        if (annotation === void 0) {
          edit = TextEdit.del(range);
        } else if (ChangeAnnotationIdentifier.is(annotation)) {
          id2 = annotation;
          edit = AnnotatedTextEdit.del(range, annotation);
        } else {
          this.assertChangeAnnotations(this.changeAnnotations);
          id2 = this.changeAnnotations.manage(annotation);
          edit = AnnotatedTextEdit.del(range, id2);
        }
        this.edits.push(edit);
        if (id2 !== void 0) {
          return id2;
        }
      }
      add(edit) {
        this.edits.push(edit);
      }
      all() {
        return this.edits;
      }
      clear() {
        this.edits.splice(0, this.edits.length);
      }
      assertChangeAnnotations(value) {
        if (value === void 0) {
          throw new Error(`Text edit change is not configured to manage change annotations.`);
        }
      }
    };
    (function(SnippetTextEdit2) {
      function is(value) {
        const candidate = value;
        return Is.objectLiteral(candidate) && Range2.is(candidate.range) && StringValue.isSnippet(candidate.snippet) && (candidate.annotationId === void 0 || (ChangeAnnotation.is(candidate.annotationId) || ChangeAnnotationIdentifier.is(candidate.annotationId)));
      }
      SnippetTextEdit2.is = is;
    })(SnippetTextEdit || (SnippetTextEdit = {}));
    ChangeAnnotations = class {
      constructor(annotations) {
        this._annotations = annotations === void 0 ? /* @__PURE__ */ Object.create(null) : annotations;
        this._counter = 0;
        this._size = 0;
      }
      all() {
        return this._annotations;
      }
      get size() {
        return this._size;
      }
      manage(idOrAnnotation, annotation) {
        let id2;
        if (ChangeAnnotationIdentifier.is(idOrAnnotation)) {
          id2 = idOrAnnotation;
        } else {
          id2 = this.nextId();
          annotation = idOrAnnotation;
        }
        if (this._annotations[id2] !== void 0) {
          throw new Error(`Id ${id2} is already in use.`);
        }
        if (annotation === void 0) {
          throw new Error(`No annotation provided for id ${id2}`);
        }
        this._annotations[id2] = annotation;
        this._size++;
        return id2;
      }
      nextId() {
        this._counter++;
        return this._counter.toString();
      }
    };
    WorkspaceChange = class {
      constructor(workspaceEdit) {
        this._textEditChanges = /* @__PURE__ */ Object.create(null);
        if (workspaceEdit !== void 0) {
          this._workspaceEdit = workspaceEdit;
          if (workspaceEdit.documentChanges) {
            this._changeAnnotations = new ChangeAnnotations(workspaceEdit.changeAnnotations);
            workspaceEdit.changeAnnotations = this._changeAnnotations.all();
            workspaceEdit.documentChanges.forEach((change) => {
              if (TextDocumentEdit.is(change)) {
                const textEditChange = new TextEditChangeImpl(change.edits, this._changeAnnotations);
                this._textEditChanges[change.textDocument.uri] = textEditChange;
              }
            });
          } else if (workspaceEdit.changes) {
            Object.keys(workspaceEdit.changes).forEach((key) => {
              const textEditChange = new TextEditChangeImpl(workspaceEdit.changes[key]);
              this._textEditChanges[key] = textEditChange;
            });
          }
        } else {
          this._workspaceEdit = {};
        }
      }
      /**
       * Returns the underlying {@link WorkspaceEdit} literal
       * use to be returned from a workspace edit operation like rename.
       */
      get edit() {
        this.initDocumentChanges();
        if (this._changeAnnotations !== void 0) {
          if (this._changeAnnotations.size === 0) {
            this._workspaceEdit.changeAnnotations = void 0;
          } else {
            this._workspaceEdit.changeAnnotations = this._changeAnnotations.all();
          }
        }
        return this._workspaceEdit;
      }
      getTextEditChange(key) {
        if (OptionalVersionedTextDocumentIdentifier.is(key)) {
          this.initDocumentChanges();
          if (this._workspaceEdit.documentChanges === void 0) {
            throw new Error("Workspace edit is not configured for document changes.");
          }
          const textDocument = { uri: key.uri, version: key.version };
          let result = this._textEditChanges[textDocument.uri];
          if (!result) {
            const edits = [];
            const textDocumentEdit = {
              textDocument,
              edits
            };
            this._workspaceEdit.documentChanges.push(textDocumentEdit);
            result = new TextEditChangeImpl(edits, this._changeAnnotations);
            this._textEditChanges[textDocument.uri] = result;
          }
          return result;
        } else {
          this.initChanges();
          if (this._workspaceEdit.changes === void 0) {
            throw new Error("Workspace edit is not configured for normal text edit changes.");
          }
          let result = this._textEditChanges[key];
          if (!result) {
            const edits = [];
            this._workspaceEdit.changes[key] = edits;
            result = new TextEditChangeImpl(edits);
            this._textEditChanges[key] = result;
          }
          return result;
        }
      }
      initDocumentChanges() {
        if (this._workspaceEdit.documentChanges === void 0 && this._workspaceEdit.changes === void 0) {
          this._changeAnnotations = new ChangeAnnotations();
          this._workspaceEdit.documentChanges = [];
          this._workspaceEdit.changeAnnotations = this._changeAnnotations.all();
        }
      }
      initChanges() {
        if (this._workspaceEdit.documentChanges === void 0 && this._workspaceEdit.changes === void 0) {
          this._workspaceEdit.changes = /* @__PURE__ */ Object.create(null);
        }
      }
      createFile(uri, optionsOrAnnotation, options) {
        this.initDocumentChanges();
        if (this._workspaceEdit.documentChanges === void 0) {
          throw new Error("Workspace edit is not configured for document changes.");
        }
        let annotation;
        if (ChangeAnnotation.is(optionsOrAnnotation) || ChangeAnnotationIdentifier.is(optionsOrAnnotation)) {
          annotation = optionsOrAnnotation;
        } else {
          options = optionsOrAnnotation;
        }
        let operation;
        let id2;
        if (annotation === void 0) {
          operation = CreateFile.create(uri, options);
        } else {
          id2 = ChangeAnnotationIdentifier.is(annotation) ? annotation : this._changeAnnotations.manage(annotation);
          operation = CreateFile.create(uri, options, id2);
        }
        this._workspaceEdit.documentChanges.push(operation);
        if (id2 !== void 0) {
          return id2;
        }
      }
      renameFile(oldUri, newUri, optionsOrAnnotation, options) {
        this.initDocumentChanges();
        if (this._workspaceEdit.documentChanges === void 0) {
          throw new Error("Workspace edit is not configured for document changes.");
        }
        let annotation;
        if (ChangeAnnotation.is(optionsOrAnnotation) || ChangeAnnotationIdentifier.is(optionsOrAnnotation)) {
          annotation = optionsOrAnnotation;
        } else {
          options = optionsOrAnnotation;
        }
        let operation;
        let id2;
        if (annotation === void 0) {
          operation = RenameFile.create(oldUri, newUri, options);
        } else {
          id2 = ChangeAnnotationIdentifier.is(annotation) ? annotation : this._changeAnnotations.manage(annotation);
          operation = RenameFile.create(oldUri, newUri, options, id2);
        }
        this._workspaceEdit.documentChanges.push(operation);
        if (id2 !== void 0) {
          return id2;
        }
      }
      deleteFile(uri, optionsOrAnnotation, options) {
        this.initDocumentChanges();
        if (this._workspaceEdit.documentChanges === void 0) {
          throw new Error("Workspace edit is not configured for document changes.");
        }
        let annotation;
        if (ChangeAnnotation.is(optionsOrAnnotation) || ChangeAnnotationIdentifier.is(optionsOrAnnotation)) {
          annotation = optionsOrAnnotation;
        } else {
          options = optionsOrAnnotation;
        }
        let operation;
        let id2;
        if (annotation === void 0) {
          operation = DeleteFile.create(uri, options);
        } else {
          id2 = ChangeAnnotationIdentifier.is(annotation) ? annotation : this._changeAnnotations.manage(annotation);
          operation = DeleteFile.create(uri, options, id2);
        }
        this._workspaceEdit.documentChanges.push(operation);
        if (id2 !== void 0) {
          return id2;
        }
      }
    };
    (function(TextDocumentIdentifier2) {
      function create(uri) {
        return { uri };
      }
      TextDocumentIdentifier2.create = create;
      function is(value) {
        const candidate = value;
        return Is.defined(candidate) && Is.string(candidate.uri);
      }
      TextDocumentIdentifier2.is = is;
    })(TextDocumentIdentifier || (TextDocumentIdentifier = {}));
    (function(VersionedTextDocumentIdentifier2) {
      function create(uri, version) {
        return { uri, version };
      }
      VersionedTextDocumentIdentifier2.create = create;
      function is(value) {
        const candidate = value;
        return Is.defined(candidate) && Is.string(candidate.uri) && Is.integer(candidate.version);
      }
      VersionedTextDocumentIdentifier2.is = is;
    })(VersionedTextDocumentIdentifier || (VersionedTextDocumentIdentifier = {}));
    (function(OptionalVersionedTextDocumentIdentifier2) {
      function create(uri, version) {
        return { uri, version };
      }
      OptionalVersionedTextDocumentIdentifier2.create = create;
      function is(value) {
        const candidate = value;
        return Is.defined(candidate) && Is.string(candidate.uri) && (candidate.version === null || Is.integer(candidate.version));
      }
      OptionalVersionedTextDocumentIdentifier2.is = is;
    })(OptionalVersionedTextDocumentIdentifier || (OptionalVersionedTextDocumentIdentifier = {}));
    (function(LanguageKind2) {
      LanguageKind2.ABAP = "abap";
      LanguageKind2.WindowsBat = "bat";
      LanguageKind2.BibTeX = "bibtex";
      LanguageKind2.Clojure = "clojure";
      LanguageKind2.Coffeescript = "coffeescript";
      LanguageKind2.C = "c";
      LanguageKind2.CPP = "cpp";
      LanguageKind2.CSharp = "csharp";
      LanguageKind2.CSS = "css";
      LanguageKind2.D = "d";
      LanguageKind2.Delphi = "pascal";
      LanguageKind2.Diff = "diff";
      LanguageKind2.Dart = "dart";
      LanguageKind2.Dockerfile = "dockerfile";
      LanguageKind2.Elixir = "elixir";
      LanguageKind2.Erlang = "erlang";
      LanguageKind2.FSharp = "fsharp";
      LanguageKind2.GitCommit = "git-commit";
      LanguageKind2.GitRebase = "git-rebase";
      LanguageKind2.Go = "go";
      LanguageKind2.Groovy = "groovy";
      LanguageKind2.Handlebars = "handlebars";
      LanguageKind2.Haskell = "haskell";
      LanguageKind2.HTML = "html";
      LanguageKind2.Ini = "ini";
      LanguageKind2.Java = "java";
      LanguageKind2.JavaScript = "javascript";
      LanguageKind2.JavaScriptReact = "javascriptreact";
      LanguageKind2.JSON = "json";
      LanguageKind2.LaTeX = "latex";
      LanguageKind2.Less = "less";
      LanguageKind2.Lua = "lua";
      LanguageKind2.Makefile = "makefile";
      LanguageKind2.Markdown = "markdown";
      LanguageKind2.ObjectiveC = "objective-c";
      LanguageKind2.ObjectiveCPP = "objective-cpp";
      LanguageKind2.Pascal = "pascal";
      LanguageKind2.Perl = "perl";
      LanguageKind2.Perl6 = "perl6";
      LanguageKind2.PHP = "php";
      LanguageKind2.Plaintext = "plaintext";
      LanguageKind2.Powershell = "powershell";
      LanguageKind2.Pug = "jade";
      LanguageKind2.Python = "python";
      LanguageKind2.R = "r";
      LanguageKind2.Razor = "razor";
      LanguageKind2.Ruby = "ruby";
      LanguageKind2.Rust = "rust";
      LanguageKind2.SCSS = "scss";
      LanguageKind2.SASS = "sass";
      LanguageKind2.Scala = "scala";
      LanguageKind2.ShaderLab = "shaderlab";
      LanguageKind2.ShellScript = "shellscript";
      LanguageKind2.SQL = "sql";
      LanguageKind2.Swift = "swift";
      LanguageKind2.TypeScript = "typescript";
      LanguageKind2.TypeScriptReact = "typescriptreact";
      LanguageKind2.TeX = "tex";
      LanguageKind2.VisualBasic = "vb";
      LanguageKind2.XML = "xml";
      LanguageKind2.XSL = "xsl";
      LanguageKind2.YAML = "yaml";
    })(LanguageKind || (LanguageKind = {}));
    (function(TextDocumentItem2) {
      function create(uri, languageId, version, text) {
        return { uri, languageId, version, text };
      }
      TextDocumentItem2.create = create;
      function is(value) {
        const candidate = value;
        return Is.defined(candidate) && Is.string(candidate.uri) && Is.string(candidate.languageId) && Is.integer(candidate.version) && Is.string(candidate.text);
      }
      TextDocumentItem2.is = is;
    })(TextDocumentItem || (TextDocumentItem = {}));
    (function(MarkupKind2) {
      MarkupKind2.PlainText = "plaintext";
      MarkupKind2.Markdown = "markdown";
      function is(value) {
        const candidate = value;
        return candidate === MarkupKind2.PlainText || candidate === MarkupKind2.Markdown;
      }
      MarkupKind2.is = is;
    })(MarkupKind || (MarkupKind = {}));
    (function(MarkupContent2) {
      function is(value) {
        const candidate = value;
        return Is.objectLiteral(value) && MarkupKind.is(candidate.kind) && Is.string(candidate.value);
      }
      MarkupContent2.is = is;
    })(MarkupContent || (MarkupContent = {}));
    (function(CompletionItemKind2) {
      CompletionItemKind2.Text = 1;
      CompletionItemKind2.Method = 2;
      CompletionItemKind2.Function = 3;
      CompletionItemKind2.Constructor = 4;
      CompletionItemKind2.Field = 5;
      CompletionItemKind2.Variable = 6;
      CompletionItemKind2.Class = 7;
      CompletionItemKind2.Interface = 8;
      CompletionItemKind2.Module = 9;
      CompletionItemKind2.Property = 10;
      CompletionItemKind2.Unit = 11;
      CompletionItemKind2.Value = 12;
      CompletionItemKind2.Enum = 13;
      CompletionItemKind2.Keyword = 14;
      CompletionItemKind2.Snippet = 15;
      CompletionItemKind2.Color = 16;
      CompletionItemKind2.File = 17;
      CompletionItemKind2.Reference = 18;
      CompletionItemKind2.Folder = 19;
      CompletionItemKind2.EnumMember = 20;
      CompletionItemKind2.Constant = 21;
      CompletionItemKind2.Struct = 22;
      CompletionItemKind2.Event = 23;
      CompletionItemKind2.Operator = 24;
      CompletionItemKind2.TypeParameter = 25;
    })(CompletionItemKind || (CompletionItemKind = {}));
    (function(InsertTextFormat2) {
      InsertTextFormat2.PlainText = 1;
      InsertTextFormat2.Snippet = 2;
    })(InsertTextFormat || (InsertTextFormat = {}));
    (function(CompletionItemTag2) {
      CompletionItemTag2.Deprecated = 1;
    })(CompletionItemTag || (CompletionItemTag = {}));
    (function(InsertReplaceEdit2) {
      function create(newText, insert, replace) {
        return { newText, insert, replace };
      }
      InsertReplaceEdit2.create = create;
      function is(value) {
        const candidate = value;
        return candidate && Is.string(candidate.newText) && Range2.is(candidate.insert) && Range2.is(candidate.replace);
      }
      InsertReplaceEdit2.is = is;
    })(InsertReplaceEdit || (InsertReplaceEdit = {}));
    (function(InsertTextMode2) {
      InsertTextMode2.asIs = 1;
      InsertTextMode2.adjustIndentation = 2;
    })(InsertTextMode || (InsertTextMode = {}));
    (function(ApplyKind2) {
      ApplyKind2.Replace = 1;
      ApplyKind2.Merge = 2;
    })(ApplyKind || (ApplyKind = {}));
    (function(CompletionItemLabelDetails2) {
      function is(value) {
        const candidate = value;
        return candidate && (Is.string(candidate.detail) || candidate.detail === void 0) && (Is.string(candidate.description) || candidate.description === void 0);
      }
      CompletionItemLabelDetails2.is = is;
    })(CompletionItemLabelDetails || (CompletionItemLabelDetails = {}));
    (function(CompletionItem2) {
      function create(label) {
        return { label };
      }
      CompletionItem2.create = create;
    })(CompletionItem || (CompletionItem = {}));
    (function(CompletionList2) {
      function create(items, isIncomplete) {
        return { items: items ? items : [], isIncomplete: !!isIncomplete };
      }
      CompletionList2.create = create;
    })(CompletionList || (CompletionList = {}));
    (function(MarkedString2) {
      function fromPlainText(plainText) {
        return plainText.replace(/[\\`*_{}[\]()#+\-.!]/g, "\\$&");
      }
      MarkedString2.fromPlainText = fromPlainText;
      function is(value) {
        const candidate = value;
        return Is.string(candidate) || Is.objectLiteral(candidate) && Is.string(candidate.language) && Is.string(candidate.value);
      }
      MarkedString2.is = is;
    })(MarkedString || (MarkedString = {}));
    (function(Hover2) {
      function is(value) {
        const candidate = value;
        return !!candidate && Is.objectLiteral(candidate) && (MarkupContent.is(candidate.contents) || MarkedString.is(candidate.contents) || Is.typedArray(candidate.contents, MarkedString.is)) && (value.range === void 0 || Range2.is(value.range));
      }
      Hover2.is = is;
    })(Hover || (Hover = {}));
    (function(ParameterInformation2) {
      function create(label, documentation) {
        return documentation ? { label, documentation } : { label };
      }
      ParameterInformation2.create = create;
    })(ParameterInformation || (ParameterInformation = {}));
    (function(SignatureInformation2) {
      function create(label, documentation, ...parameters2) {
        const result = { label };
        if (Is.defined(documentation)) {
          result.documentation = documentation;
        }
        if (Is.defined(parameters2)) {
          result.parameters = parameters2;
        } else {
          result.parameters = [];
        }
        return result;
      }
      SignatureInformation2.create = create;
    })(SignatureInformation || (SignatureInformation = {}));
    (function(DocumentHighlightKind2) {
      DocumentHighlightKind2.Text = 1;
      DocumentHighlightKind2.Read = 2;
      DocumentHighlightKind2.Write = 3;
    })(DocumentHighlightKind || (DocumentHighlightKind = {}));
    (function(DocumentHighlight2) {
      function create(range, kind) {
        const result = { range };
        if (Is.number(kind)) {
          result.kind = kind;
        }
        return result;
      }
      DocumentHighlight2.create = create;
    })(DocumentHighlight || (DocumentHighlight = {}));
    (function(SymbolKind2) {
      SymbolKind2.File = 1;
      SymbolKind2.Module = 2;
      SymbolKind2.Namespace = 3;
      SymbolKind2.Package = 4;
      SymbolKind2.Class = 5;
      SymbolKind2.Method = 6;
      SymbolKind2.Property = 7;
      SymbolKind2.Field = 8;
      SymbolKind2.Constructor = 9;
      SymbolKind2.Enum = 10;
      SymbolKind2.Interface = 11;
      SymbolKind2.Function = 12;
      SymbolKind2.Variable = 13;
      SymbolKind2.Constant = 14;
      SymbolKind2.String = 15;
      SymbolKind2.Number = 16;
      SymbolKind2.Boolean = 17;
      SymbolKind2.Array = 18;
      SymbolKind2.Object = 19;
      SymbolKind2.Key = 20;
      SymbolKind2.Null = 21;
      SymbolKind2.EnumMember = 22;
      SymbolKind2.Struct = 23;
      SymbolKind2.Event = 24;
      SymbolKind2.Operator = 25;
      SymbolKind2.TypeParameter = 26;
    })(SymbolKind || (SymbolKind = {}));
    (function(SymbolTag2) {
      SymbolTag2.Deprecated = 1;
    })(SymbolTag || (SymbolTag = {}));
    (function(SymbolInformation2) {
      function create(name2, kind, range, uri, containerName) {
        const result = {
          name: name2,
          kind,
          location: { uri, range }
        };
        if (containerName) {
          result.containerName = containerName;
        }
        return result;
      }
      SymbolInformation2.create = create;
    })(SymbolInformation || (SymbolInformation = {}));
    (function(WorkspaceSymbol2) {
      function create(name2, kind, uri, range) {
        return range !== void 0 ? { name: name2, kind, location: { uri, range } } : { name: name2, kind, location: { uri } };
      }
      WorkspaceSymbol2.create = create;
    })(WorkspaceSymbol || (WorkspaceSymbol = {}));
    (function(DocumentSymbol2) {
      function create(name2, detail, kind, range, selectionRange, children) {
        const result = {
          name: name2,
          detail,
          kind,
          range,
          selectionRange
        };
        if (children !== void 0) {
          result.children = children;
        }
        return result;
      }
      DocumentSymbol2.create = create;
      function is(value) {
        const candidate = value;
        return candidate && Is.string(candidate.name) && Is.number(candidate.kind) && Range2.is(candidate.range) && Range2.is(candidate.selectionRange) && (candidate.detail === void 0 || Is.string(candidate.detail)) && (candidate.deprecated === void 0 || Is.boolean(candidate.deprecated)) && (candidate.children === void 0 || Array.isArray(candidate.children)) && (candidate.tags === void 0 || Array.isArray(candidate.tags));
      }
      DocumentSymbol2.is = is;
    })(DocumentSymbol || (DocumentSymbol = {}));
    (function(CodeActionKind2) {
      CodeActionKind2.Empty = "";
      CodeActionKind2.QuickFix = "quickfix";
      CodeActionKind2.Refactor = "refactor";
      CodeActionKind2.RefactorExtract = "refactor.extract";
      CodeActionKind2.RefactorInline = "refactor.inline";
      CodeActionKind2.RefactorMove = "refactor.move";
      CodeActionKind2.RefactorRewrite = "refactor.rewrite";
      CodeActionKind2.Source = "source";
      CodeActionKind2.SourceOrganizeImports = "source.organizeImports";
      CodeActionKind2.SourceFixAll = "source.fixAll";
      CodeActionKind2.Notebook = "notebook";
    })(CodeActionKind || (CodeActionKind = {}));
    (function(CodeActionTriggerKind2) {
      CodeActionTriggerKind2.Invoked = 1;
      CodeActionTriggerKind2.Automatic = 2;
    })(CodeActionTriggerKind || (CodeActionTriggerKind = {}));
    (function(CodeActionContext2) {
      function create(diagnostics, only, triggerKind) {
        const result = { diagnostics };
        if (only !== void 0 && only !== null) {
          result.only = only;
        }
        if (triggerKind !== void 0 && triggerKind !== null) {
          result.triggerKind = triggerKind;
        }
        return result;
      }
      CodeActionContext2.create = create;
      function is(value) {
        const candidate = value;
        return Is.defined(candidate) && Is.typedArray(candidate.diagnostics, Diagnostic.is) && (candidate.only === void 0 || Is.typedArray(candidate.only, Is.string)) && (candidate.triggerKind === void 0 || candidate.triggerKind === CodeActionTriggerKind.Invoked || candidate.triggerKind === CodeActionTriggerKind.Automatic);
      }
      CodeActionContext2.is = is;
    })(CodeActionContext || (CodeActionContext = {}));
    (function(CodeActionTag2) {
      CodeActionTag2.LLMGenerated = 1;
      function is(value) {
        return Is.defined(value) && value === CodeActionTag2.LLMGenerated;
      }
      CodeActionTag2.is = is;
    })(CodeActionTag || (CodeActionTag = {}));
    (function(CodeAction2) {
      function create(title, kindOrCommandOrEdit, kind) {
        const result = { title };
        let checkKind = true;
        if (typeof kindOrCommandOrEdit === "string") {
          checkKind = false;
          result.kind = kindOrCommandOrEdit;
        } else if (Command.is(kindOrCommandOrEdit)) {
          result.command = kindOrCommandOrEdit;
        } else {
          result.edit = kindOrCommandOrEdit;
        }
        if (checkKind && kind !== void 0) {
          result.kind = kind;
        }
        return result;
      }
      CodeAction2.create = create;
      function is(value) {
        const candidate = value;
        return candidate && Is.string(candidate.title) && (candidate.diagnostics === void 0 || Is.typedArray(candidate.diagnostics, Diagnostic.is)) && (candidate.kind === void 0 || Is.string(candidate.kind)) && (candidate.edit !== void 0 || candidate.command !== void 0) && (candidate.command === void 0 || Command.is(candidate.command)) && (candidate.isPreferred === void 0 || Is.boolean(candidate.isPreferred)) && (candidate.edit === void 0 || WorkspaceEdit.is(candidate.edit)) && (candidate.tags === void 0 || Is.typedArray(candidate.tags, CodeActionTag.is));
      }
      CodeAction2.is = is;
    })(CodeAction || (CodeAction = {}));
    (function(CodeLens2) {
      function create(range, data) {
        const result = { range };
        if (Is.defined(data)) {
          result.data = data;
        }
        return result;
      }
      CodeLens2.create = create;
      function is(value) {
        const candidate = value;
        return Is.defined(candidate) && Range2.is(candidate.range) && (Is.undefined(candidate.command) || Command.is(candidate.command));
      }
      CodeLens2.is = is;
    })(CodeLens || (CodeLens = {}));
    (function(FormattingOptions2) {
      function create(tabSize, insertSpaces) {
        return { tabSize, insertSpaces };
      }
      FormattingOptions2.create = create;
      function is(value) {
        const candidate = value;
        return Is.defined(candidate) && Is.uinteger(candidate.tabSize) && Is.boolean(candidate.insertSpaces);
      }
      FormattingOptions2.is = is;
    })(FormattingOptions || (FormattingOptions = {}));
    (function(DocumentLink2) {
      function create(range, target, data) {
        return { range, target, data };
      }
      DocumentLink2.create = create;
      function is(value) {
        const candidate = value;
        return Is.defined(candidate) && Range2.is(candidate.range) && (Is.undefined(candidate.target) || Is.string(candidate.target));
      }
      DocumentLink2.is = is;
    })(DocumentLink || (DocumentLink = {}));
    (function(SelectionRange2) {
      function create(range, parent) {
        return { range, parent };
      }
      SelectionRange2.create = create;
      function is(value) {
        const candidate = value;
        return Is.objectLiteral(candidate) && Range2.is(candidate.range) && (candidate.parent === void 0 || SelectionRange2.is(candidate.parent));
      }
      SelectionRange2.is = is;
    })(SelectionRange || (SelectionRange = {}));
    (function(SemanticTokenTypes2) {
      SemanticTokenTypes2["namespace"] = "namespace";
      SemanticTokenTypes2["type"] = "type";
      SemanticTokenTypes2["class"] = "class";
      SemanticTokenTypes2["enum"] = "enum";
      SemanticTokenTypes2["interface"] = "interface";
      SemanticTokenTypes2["struct"] = "struct";
      SemanticTokenTypes2["typeParameter"] = "typeParameter";
      SemanticTokenTypes2["parameter"] = "parameter";
      SemanticTokenTypes2["variable"] = "variable";
      SemanticTokenTypes2["property"] = "property";
      SemanticTokenTypes2["enumMember"] = "enumMember";
      SemanticTokenTypes2["event"] = "event";
      SemanticTokenTypes2["function"] = "function";
      SemanticTokenTypes2["method"] = "method";
      SemanticTokenTypes2["macro"] = "macro";
      SemanticTokenTypes2["keyword"] = "keyword";
      SemanticTokenTypes2["modifier"] = "modifier";
      SemanticTokenTypes2["comment"] = "comment";
      SemanticTokenTypes2["string"] = "string";
      SemanticTokenTypes2["number"] = "number";
      SemanticTokenTypes2["regexp"] = "regexp";
      SemanticTokenTypes2["operator"] = "operator";
      SemanticTokenTypes2["decorator"] = "decorator";
      SemanticTokenTypes2["label"] = "label";
    })(SemanticTokenTypes || (SemanticTokenTypes = {}));
    (function(SemanticTokenModifiers2) {
      SemanticTokenModifiers2["declaration"] = "declaration";
      SemanticTokenModifiers2["definition"] = "definition";
      SemanticTokenModifiers2["readonly"] = "readonly";
      SemanticTokenModifiers2["static"] = "static";
      SemanticTokenModifiers2["deprecated"] = "deprecated";
      SemanticTokenModifiers2["abstract"] = "abstract";
      SemanticTokenModifiers2["async"] = "async";
      SemanticTokenModifiers2["modification"] = "modification";
      SemanticTokenModifiers2["documentation"] = "documentation";
      SemanticTokenModifiers2["defaultLibrary"] = "defaultLibrary";
    })(SemanticTokenModifiers || (SemanticTokenModifiers = {}));
    (function(SemanticTokens2) {
      function is(value) {
        const candidate = value;
        return Is.objectLiteral(candidate) && (candidate.resultId === void 0 || typeof candidate.resultId === "string") && Array.isArray(candidate.data) && (candidate.data.length === 0 || typeof candidate.data[0] === "number");
      }
      SemanticTokens2.is = is;
    })(SemanticTokens || (SemanticTokens = {}));
    (function(InlineValueText2) {
      function create(range, text) {
        return { range, text };
      }
      InlineValueText2.create = create;
      function is(value) {
        const candidate = value;
        return candidate !== void 0 && candidate !== null && Range2.is(candidate.range) && Is.string(candidate.text);
      }
      InlineValueText2.is = is;
    })(InlineValueText || (InlineValueText = {}));
    (function(InlineValueVariableLookup2) {
      function create(range, variableName, caseSensitiveLookup) {
        return { range, variableName, caseSensitiveLookup };
      }
      InlineValueVariableLookup2.create = create;
      function is(value) {
        const candidate = value;
        return candidate !== void 0 && candidate !== null && Range2.is(candidate.range) && Is.boolean(candidate.caseSensitiveLookup) && (Is.string(candidate.variableName) || candidate.variableName === void 0);
      }
      InlineValueVariableLookup2.is = is;
    })(InlineValueVariableLookup || (InlineValueVariableLookup = {}));
    (function(InlineValueEvaluatableExpression2) {
      function create(range, expression) {
        return { range, expression };
      }
      InlineValueEvaluatableExpression2.create = create;
      function is(value) {
        const candidate = value;
        return candidate !== void 0 && candidate !== null && Range2.is(candidate.range) && (Is.string(candidate.expression) || candidate.expression === void 0);
      }
      InlineValueEvaluatableExpression2.is = is;
    })(InlineValueEvaluatableExpression || (InlineValueEvaluatableExpression = {}));
    (function(InlineValueContext2) {
      function create(frameId, stoppedLocation) {
        return { frameId, stoppedLocation };
      }
      InlineValueContext2.create = create;
      function is(value) {
        const candidate = value;
        return Is.defined(candidate) && Range2.is(value.stoppedLocation);
      }
      InlineValueContext2.is = is;
    })(InlineValueContext || (InlineValueContext = {}));
    (function(InlayHintKind2) {
      InlayHintKind2.Type = 1;
      InlayHintKind2.Parameter = 2;
      function is(value) {
        return value === 1 || value === 2;
      }
      InlayHintKind2.is = is;
    })(InlayHintKind || (InlayHintKind = {}));
    (function(InlayHintLabelPart2) {
      function create(value) {
        return { value };
      }
      InlayHintLabelPart2.create = create;
      function is(value) {
        const candidate = value;
        return Is.objectLiteral(candidate) && (candidate.tooltip === void 0 || Is.string(candidate.tooltip) || MarkupContent.is(candidate.tooltip)) && (candidate.location === void 0 || Location.is(candidate.location)) && (candidate.command === void 0 || Command.is(candidate.command));
      }
      InlayHintLabelPart2.is = is;
    })(InlayHintLabelPart || (InlayHintLabelPart = {}));
    (function(InlayHint2) {
      function create(position, label, kind) {
        const result = { position, label };
        if (kind !== void 0) {
          result.kind = kind;
        }
        return result;
      }
      InlayHint2.create = create;
      function is(value) {
        const candidate = value;
        return Is.objectLiteral(candidate) && Position.is(candidate.position) && (Is.string(candidate.label) || Is.typedArray(candidate.label, InlayHintLabelPart.is)) && (candidate.kind === void 0 || InlayHintKind.is(candidate.kind)) && candidate.textEdits === void 0 || Is.typedArray(candidate.textEdits, TextEdit.is) && (candidate.tooltip === void 0 || Is.string(candidate.tooltip) || MarkupContent.is(candidate.tooltip)) && (candidate.paddingLeft === void 0 || Is.boolean(candidate.paddingLeft)) && (candidate.paddingRight === void 0 || Is.boolean(candidate.paddingRight));
      }
      InlayHint2.is = is;
    })(InlayHint || (InlayHint = {}));
    (function(StringValue2) {
      function createSnippet(value) {
        return { kind: "snippet", value };
      }
      StringValue2.createSnippet = createSnippet;
      function isSnippet(value) {
        const candidate = value;
        return Is.objectLiteral(candidate) && candidate.kind === "snippet" && Is.string(candidate.value);
      }
      StringValue2.isSnippet = isSnippet;
    })(StringValue || (StringValue = {}));
    (function(InlineCompletionItem2) {
      function create(insertText, filterText, range, command) {
        return { insertText, filterText, range, command };
      }
      InlineCompletionItem2.create = create;
    })(InlineCompletionItem || (InlineCompletionItem = {}));
    (function(InlineCompletionList2) {
      function create(items) {
        return { items };
      }
      InlineCompletionList2.create = create;
    })(InlineCompletionList || (InlineCompletionList = {}));
    (function(InlineCompletionTriggerKind2) {
      InlineCompletionTriggerKind2.Invoked = 1;
      InlineCompletionTriggerKind2.Automatic = 2;
    })(InlineCompletionTriggerKind || (InlineCompletionTriggerKind = {}));
    (function(SelectedCompletionInfo2) {
      function create(range, text) {
        return { range, text };
      }
      SelectedCompletionInfo2.create = create;
    })(SelectedCompletionInfo || (SelectedCompletionInfo = {}));
    (function(InlineCompletionContext2) {
      function create(triggerKind, selectedCompletionInfo) {
        return { triggerKind, selectedCompletionInfo };
      }
      InlineCompletionContext2.create = create;
    })(InlineCompletionContext || (InlineCompletionContext = {}));
    (function(WorkspaceFolder2) {
      function is(value) {
        const candidate = value;
        return Is.objectLiteral(candidate) && URI.is(candidate.uri) && Is.string(candidate.name);
      }
      WorkspaceFolder2.is = is;
    })(WorkspaceFolder || (WorkspaceFolder = {}));
    EOL = ["\n", "\r\n", "\r"];
    (function(TextDocument3) {
      function create(uri, languageId, version, content2) {
        return new FullTextDocument(uri, languageId, version, content2);
      }
      TextDocument3.create = create;
      function is(value) {
        const candidate = value;
        return Is.defined(candidate) && Is.string(candidate.uri) && (Is.undefined(candidate.languageId) || Is.string(candidate.languageId)) && Is.uinteger(candidate.lineCount) && Is.func(candidate.getText) && Is.func(candidate.positionAt) && Is.func(candidate.offsetAt) ? true : false;
      }
      TextDocument3.is = is;
      function applyEdits(document, edits) {
        let text = document.getText();
        const sortedEdits = mergeSort2(edits, (a, b) => {
          const diff = a.range.start.line - b.range.start.line;
          if (diff === 0) {
            return a.range.start.character - b.range.start.character;
          }
          return diff;
        });
        let lastModifiedOffset = text.length;
        for (let i = sortedEdits.length - 1; i >= 0; i--) {
          const e = sortedEdits[i];
          const startOffset = document.offsetAt(e.range.start);
          const endOffset = document.offsetAt(e.range.end);
          if (endOffset <= lastModifiedOffset) {
            text = text.substring(0, startOffset) + e.newText + text.substring(endOffset, text.length);
          } else {
            throw new Error("Overlapping edit");
          }
          lastModifiedOffset = startOffset;
        }
        return text;
      }
      TextDocument3.applyEdits = applyEdits;
      function mergeSort2(data, compare) {
        if (data.length <= 1) {
          return data;
        }
        const p = data.length / 2 | 0;
        const left = data.slice(0, p);
        const right = data.slice(p);
        mergeSort2(left, compare);
        mergeSort2(right, compare);
        let leftIdx = 0;
        let rightIdx = 0;
        let i = 0;
        while (leftIdx < left.length && rightIdx < right.length) {
          const ret = compare(left[leftIdx], right[rightIdx]);
          if (ret <= 0) {
            data[i++] = left[leftIdx++];
          } else {
            data[i++] = right[rightIdx++];
          }
        }
        while (leftIdx < left.length) {
          data[i++] = left[leftIdx++];
        }
        while (rightIdx < right.length) {
          data[i++] = right[rightIdx++];
        }
        return data;
      }
    })(TextDocument || (TextDocument = {}));
    FullTextDocument = class {
      constructor(uri, languageId, version, content2) {
        this._uri = uri;
        this._languageId = languageId;
        this._version = version;
        this._content = content2;
        this._lineOffsets = void 0;
      }
      get uri() {
        return this._uri;
      }
      get languageId() {
        return this._languageId;
      }
      get version() {
        return this._version;
      }
      getText(range) {
        if (range) {
          const start = this.offsetAt(range.start);
          const end = this.offsetAt(range.end);
          return this._content.substring(start, end);
        }
        return this._content;
      }
      update(event, version) {
        this._content = event.text;
        this._version = version;
        this._lineOffsets = void 0;
      }
      getLineOffsets() {
        if (this._lineOffsets === void 0) {
          const lineOffsets = [];
          const text = this._content;
          let isLineStart = true;
          for (let i = 0; i < text.length; i++) {
            if (isLineStart) {
              lineOffsets.push(i);
              isLineStart = false;
            }
            const ch = text.charAt(i);
            isLineStart = ch === "\r" || ch === "\n";
            if (ch === "\r" && i + 1 < text.length && text.charAt(i + 1) === "\n") {
              i++;
            }
          }
          if (isLineStart && text.length > 0) {
            lineOffsets.push(text.length);
          }
          this._lineOffsets = lineOffsets;
        }
        return this._lineOffsets;
      }
      positionAt(offset) {
        offset = Math.max(Math.min(offset, this._content.length), 0);
        const lineOffsets = this.getLineOffsets();
        let low = 0, high = lineOffsets.length;
        if (high === 0) {
          return Position.create(0, offset);
        }
        while (low < high) {
          const mid = Math.floor((low + high) / 2);
          if (lineOffsets[mid] > offset) {
            high = mid;
          } else {
            low = mid + 1;
          }
        }
        const line = low - 1;
        return Position.create(line, offset - lineOffsets[line]);
      }
      offsetAt(position) {
        const lineOffsets = this.getLineOffsets();
        if (position.line >= lineOffsets.length) {
          return this._content.length;
        } else if (position.line < 0) {
          return 0;
        }
        const lineOffset = lineOffsets[position.line];
        const nextLineOffset = position.line + 1 < lineOffsets.length ? lineOffsets[position.line + 1] : this._content.length;
        return Math.max(Math.min(lineOffset + position.character, nextLineOffset), lineOffset);
      }
      get lineCount() {
        return this.getLineOffsets().length;
      }
    };
    (function(Is2) {
      const toString = Object.prototype.toString;
      function defined(value) {
        return typeof value !== "undefined";
      }
      Is2.defined = defined;
      function undefined2(value) {
        return typeof value === "undefined";
      }
      Is2.undefined = undefined2;
      function boolean(value) {
        return value === true || value === false;
      }
      Is2.boolean = boolean;
      function string2(value) {
        return toString.call(value) === "[object String]";
      }
      Is2.string = string2;
      function number2(value) {
        return toString.call(value) === "[object Number]";
      }
      Is2.number = number2;
      function numberRange(value, min, max) {
        return toString.call(value) === "[object Number]" && min <= value && value <= max;
      }
      Is2.numberRange = numberRange;
      function integer2(value) {
        return toString.call(value) === "[object Number]" && -2147483648 <= value && value <= 2147483647;
      }
      Is2.integer = integer2;
      function uinteger2(value) {
        return toString.call(value) === "[object Number]" && 0 <= value && value <= 2147483647;
      }
      Is2.uinteger = uinteger2;
      function func(value) {
        return toString.call(value) === "[object Function]";
      }
      Is2.func = func;
      function objectLiteral(value) {
        return value !== null && typeof value === "object";
      }
      Is2.objectLiteral = objectLiteral;
      function typedArray(value, check) {
        return Array.isArray(value) && value.every(check);
      }
      Is2.typedArray = typedArray;
    })(Is || (Is = {}));
  }
});

// node_modules/dockerfile-ast/lib/line.js
var require_line = __commonJS({
  "node_modules/dockerfile-ast/lib/line.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Line = void 0;
    var Line = class {
      constructor(document, range) {
        this.document = document;
        this.range = range;
      }
      getRange() {
        return this.range;
      }
      getTextContent() {
        return this.document.getText().substring(this.document.offsetAt(this.range.start), this.document.offsetAt(this.range.end));
      }
      isAfter(line) {
        return this.range.start.line > line.range.start.line;
      }
      isBefore(line) {
        return this.range.start.line < line;
      }
    };
    exports.Line = Line;
  }
});

// node_modules/dockerfile-ast/lib/util.js
var require_util = __commonJS({
  "node_modules/dockerfile-ast/lib/util.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Util = void 0;
    var Util = class _Util {
      static isUTF8BOM(char) {
        const uintArray = Uint8Array.from(Buffer.from(char, "UTF-8"));
        return uintArray[0] === 239 && uintArray[1] == 187 && uintArray[2] == 191;
      }
      static isWhitespace(char) {
        return char === " " || char === "	" || _Util.isNewline(char);
      }
      static isNewline(char) {
        return char === "\r" || char === "\n";
      }
      static findLeadingNonWhitespace(content2, escapeChar) {
        whitespaceCheck: for (let i = 0; i < content2.length; i++) {
          switch (content2.charAt(i)) {
            case " ":
            case "	":
              continue;
            case escapeChar:
              escapeCheck: for (let j = i + 1; j < content2.length; j++) {
                switch (content2.charAt(j)) {
                  case " ":
                  case "	":
                    continue;
                  case "\r":
                    i = j + 1;
                    continue whitespaceCheck;
                  case "\n":
                    i = j;
                    continue whitespaceCheck;
                  default:
                    break escapeCheck;
                }
              }
              return -1;
            default:
              return i;
          }
        }
        return -1;
      }
      /**
       * Determines if the given position is contained within the given range.
       *
       * @param position the position to check
       * @param range the range to see if the position is inside of
       */
      static isInsideRange(position, range) {
        if (range.start.line === range.end.line) {
          return range.start.line === position.line && range.start.character <= position.character && position.character <= range.end.character;
        } else if (range.start.line === position.line) {
          return range.start.character <= position.character;
        } else if (range.end.line === position.line) {
          return position.character <= range.end.character;
        }
        return range.start.line < position.line && position.line < range.end.line;
      }
      static parseHeredocName(value) {
        value = value.substring(2);
        if (value.charAt(0) === "-") {
          value = value.substring(1);
        }
        if (value.charAt(0) === '"') {
          if (value.charAt(value.length - 1) !== '"') {
            return null;
          }
          value = value.substring(1, value.length - 1);
        }
        if (value.charAt(0) === "'") {
          if (value.charAt(value.length - 1) !== "'") {
            return null;
          }
          value = value.substring(1, value.length - 1);
        }
        if (value.charAt(0) === "<") {
          return null;
        }
        return value;
      }
    };
    exports.Util = Util;
  }
});

// node_modules/dockerfile-ast/lib/comment.js
var require_comment = __commonJS({
  "node_modules/dockerfile-ast/lib/comment.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Comment = void 0;
    var vscode_languageserver_types_1 = (init_main(), __toCommonJS(main_exports));
    var line_1 = require_line();
    var util_1 = require_util();
    var Comment = class extends line_1.Line {
      constructor(document, range) {
        super(document, range);
      }
      toString() {
        const content2 = this.getContent();
        if (content2) {
          return "# " + content2;
        }
        return "#";
      }
      /**
       * Returns the content of this comment. This excludes leading and
       * trailing whitespace as well as the # symbol. If the comment only
       * consists of whitespace, the empty string will be returned.
       */
      getContent() {
        let range = this.getContentRange();
        if (range === null) {
          return "";
        }
        return this.document.getText().substring(this.document.offsetAt(range.start), this.document.offsetAt(range.end));
      }
      /**
       * Returns a range that includes the content of the comment
       * excluding any leading and trailing whitespace as well as the #
       * symbol. May return null if the comment only consists of whitespace
       * characters.
       */
      getContentRange() {
        let range = this.getRange();
        const startOffset = this.document.offsetAt(range.start);
        let raw = this.document.getText().substring(startOffset, this.document.offsetAt(range.end));
        let start = -1;
        let end = -1;
        for (let i = 1; i < raw.length; i++) {
          if (!util_1.Util.isWhitespace(raw.charAt(i))) {
            start = i;
            break;
          }
        }
        if (start === -1) {
          return null;
        }
        for (let i = raw.length - 1; i >= 1; i--) {
          if (!util_1.Util.isWhitespace(raw.charAt(i))) {
            end = i + 1;
            break;
          }
        }
        return vscode_languageserver_types_1.Range.create(this.document.positionAt(startOffset + start), this.document.positionAt(startOffset + end));
      }
    };
    exports.Comment = Comment;
  }
});

// node_modules/vscode-languageserver-textdocument/lib/esm/main.js
var main_exports2 = {};
__export(main_exports2, {
  TextDocument: () => TextDocument2
});
function mergeSort(data, compare) {
  if (data.length <= 1) {
    return data;
  }
  const p = data.length / 2 | 0;
  const left = data.slice(0, p);
  const right = data.slice(p);
  mergeSort(left, compare);
  mergeSort(right, compare);
  let leftIdx = 0;
  let rightIdx = 0;
  let i = 0;
  while (leftIdx < left.length && rightIdx < right.length) {
    const ret = compare(left[leftIdx], right[rightIdx]);
    if (ret <= 0) {
      data[i++] = left[leftIdx++];
    } else {
      data[i++] = right[rightIdx++];
    }
  }
  while (leftIdx < left.length) {
    data[i++] = left[leftIdx++];
  }
  while (rightIdx < right.length) {
    data[i++] = right[rightIdx++];
  }
  return data;
}
function computeLineOffsets(text, isAtLineStart, textOffset = 0) {
  const result = isAtLineStart ? [textOffset] : [];
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (isEOL(ch)) {
      if (ch === 13 && i + 1 < text.length && text.charCodeAt(i + 1) === 10) {
        i++;
      }
      result.push(textOffset + i + 1);
    }
  }
  return result;
}
function isEOL(char) {
  return char === 13 || char === 10;
}
function getWellformedRange(range) {
  const start = range.start;
  const end = range.end;
  if (start.line > end.line || start.line === end.line && start.character > end.character) {
    return { start: end, end: start };
  }
  return range;
}
function getWellformedEdit(textEdit) {
  const range = getWellformedRange(textEdit.range);
  if (range !== textEdit.range) {
    return { newText: textEdit.newText, range };
  }
  return textEdit;
}
var FullTextDocument2, TextDocument2;
var init_main2 = __esm({
  "node_modules/vscode-languageserver-textdocument/lib/esm/main.js"() {
    "use strict";
    FullTextDocument2 = class _FullTextDocument {
      constructor(uri, languageId, version, content2) {
        this._uri = uri;
        this._languageId = languageId;
        this._version = version;
        this._content = content2;
        this._lineOffsets = void 0;
      }
      get uri() {
        return this._uri;
      }
      get languageId() {
        return this._languageId;
      }
      get version() {
        return this._version;
      }
      getText(range) {
        if (range) {
          const start = this.offsetAt(range.start);
          const end = this.offsetAt(range.end);
          return this._content.substring(start, end);
        }
        return this._content;
      }
      update(changes, version) {
        for (const change of changes) {
          if (_FullTextDocument.isIncremental(change)) {
            const range = getWellformedRange(change.range);
            const startOffset = this.offsetAt(range.start);
            const endOffset = this.offsetAt(range.end);
            this._content = this._content.substring(0, startOffset) + change.text + this._content.substring(endOffset, this._content.length);
            const insertedEndOffset = startOffset + change.text.length;
            const crlfAtStart = this._content.charCodeAt(startOffset - 1) === 13 && this._content.charCodeAt(startOffset) === 10;
            const crlfAtEnd = this._content.charCodeAt(insertedEndOffset - 1) === 13 && this._content.charCodeAt(insertedEndOffset) === 10;
            if (crlfAtStart || crlfAtEnd) {
              this._lineOffsets = void 0;
              continue;
            }
            const startLine = Math.max(range.start.line, 0);
            const endLine = Math.max(range.end.line, 0);
            let lineOffsets = this._lineOffsets;
            const addedLineOffsets = computeLineOffsets(change.text, false, startOffset);
            if (endLine - startLine === addedLineOffsets.length) {
              for (let i = 0, len = addedLineOffsets.length; i < len; i++) {
                lineOffsets[i + startLine + 1] = addedLineOffsets[i];
              }
            } else {
              if (addedLineOffsets.length < 1e4) {
                lineOffsets.splice(startLine + 1, endLine - startLine, ...addedLineOffsets);
              } else {
                this._lineOffsets = lineOffsets = lineOffsets.slice(0, startLine + 1).concat(addedLineOffsets, lineOffsets.slice(endLine + 1));
              }
            }
            const diff = change.text.length - (endOffset - startOffset);
            if (diff !== 0) {
              for (let i = startLine + 1 + addedLineOffsets.length, len = lineOffsets.length; i < len; i++) {
                lineOffsets[i] = lineOffsets[i] + diff;
              }
            }
          } else if (_FullTextDocument.isFull(change)) {
            this._content = change.text;
            this._lineOffsets = void 0;
          } else {
            throw new Error("Unknown change event received");
          }
        }
        this._version = version;
      }
      getLineOffsets() {
        if (this._lineOffsets === void 0) {
          this._lineOffsets = computeLineOffsets(this._content, true);
        }
        return this._lineOffsets;
      }
      positionAt(offset) {
        offset = Math.max(Math.min(offset, this._content.length), 0);
        const lineOffsets = this.getLineOffsets();
        let low = 0, high = lineOffsets.length;
        if (high === 0) {
          return { line: 0, character: offset };
        }
        while (low < high) {
          const mid = Math.floor((low + high) / 2);
          if (lineOffsets[mid] > offset) {
            high = mid;
          } else {
            low = mid + 1;
          }
        }
        const line = low - 1;
        offset = this.ensureBeforeEOL(offset, lineOffsets[line]);
        return { line, character: offset - lineOffsets[line] };
      }
      offsetAt(position) {
        const lineOffsets = this.getLineOffsets();
        if (position.line >= lineOffsets.length) {
          return this._content.length;
        } else if (position.line < 0) {
          return 0;
        }
        const lineOffset = lineOffsets[position.line];
        if (position.character <= 0) {
          return lineOffset;
        }
        const nextLineOffset = position.line + 1 < lineOffsets.length ? lineOffsets[position.line + 1] : this._content.length;
        const offset = Math.min(lineOffset + position.character, nextLineOffset);
        return this.ensureBeforeEOL(offset, lineOffset);
      }
      getLineRange(line) {
        const lineOffsets = this.getLineOffsets();
        if (line >= lineOffsets.length) {
          const lastLine = lineOffsets.length - 1;
          return { start: { line: lastLine, character: 0 }, end: { line: lastLine, character: this._content.length - lineOffsets[lastLine] } };
        } else if (line < 0) {
          return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
        }
        const startOffset = lineOffsets[line];
        const nextLineOffset = line + 1 < lineOffsets.length ? lineOffsets[line + 1] : this._content.length;
        const endOffset = this.ensureBeforeEOL(nextLineOffset, startOffset);
        return { start: { line, character: 0 }, end: { line, character: endOffset - startOffset } };
      }
      getEOLCharacters(line) {
        const lineOffsets = this.getLineOffsets();
        if (line >= lineOffsets.length) {
          return "";
        } else if (line < 0) {
          return "";
        }
        const nextLineOffset = line + 1 < lineOffsets.length ? lineOffsets[line + 1] : this._content.length;
        const eolOffset = this.ensureBeforeEOL(nextLineOffset, lineOffsets[line]);
        return this._content.substring(eolOffset, nextLineOffset);
      }
      ensureBeforeEOL(offset, lineOffset) {
        while (offset > lineOffset && isEOL(this._content.charCodeAt(offset - 1))) {
          offset--;
        }
        return offset;
      }
      get lineCount() {
        return this.getLineOffsets().length;
      }
      static isIncremental(event) {
        const candidate = event;
        return candidate !== void 0 && candidate !== null && typeof candidate.text === "string" && candidate.range !== void 0 && (candidate.rangeLength === void 0 || typeof candidate.rangeLength === "number");
      }
      static isFull(event) {
        const candidate = event;
        return candidate !== void 0 && candidate !== null && typeof candidate.text === "string" && candidate.range === void 0 && candidate.rangeLength === void 0;
      }
    };
    (function(TextDocument3) {
      function create(uri, languageId, version, content2) {
        return new FullTextDocument2(uri, languageId, version, content2);
      }
      TextDocument3.create = create;
      function update2(document, changes, version) {
        if (document instanceof FullTextDocument2) {
          document.update(changes, version);
          return document;
        } else {
          throw new Error("TextDocument.update: document must be created by TextDocument.create");
        }
      }
      TextDocument3.update = update2;
      function applyEdits(document, edits) {
        const text = document.getText();
        const sortedEdits = mergeSort(edits.map(getWellformedEdit), (a, b) => {
          const diff = a.range.start.line - b.range.start.line;
          if (diff === 0) {
            return a.range.start.character - b.range.start.character;
          }
          return diff;
        });
        let lastModifiedOffset = 0;
        const spans = [];
        for (const e of sortedEdits) {
          const startOffset = document.offsetAt(e.range.start);
          if (startOffset < lastModifiedOffset) {
            throw new Error("Overlapping edit");
          } else if (startOffset > lastModifiedOffset) {
            spans.push(text.substring(lastModifiedOffset, startOffset));
          }
          if (e.newText.length) {
            spans.push(e.newText);
          }
          lastModifiedOffset = document.offsetAt(e.range.end);
        }
        spans.push(text.substr(lastModifiedOffset));
        return spans.join("");
      }
      TextDocument3.applyEdits = applyEdits;
    })(TextDocument2 || (TextDocument2 = {}));
  }
});

// node_modules/dockerfile-ast/lib/parserDirective.js
var require_parserDirective = __commonJS({
  "node_modules/dockerfile-ast/lib/parserDirective.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.ParserDirective = void 0;
    var main_1 = require_main();
    var line_1 = require_line();
    var ParserDirective = class extends line_1.Line {
      constructor(document, range, nameRange, valueRange) {
        super(document, range);
        this.nameRange = nameRange;
        this.valueRange = valueRange;
      }
      toString() {
        return "# " + this.getName() + "=" + this.getValue();
      }
      getNameRange() {
        return this.nameRange;
      }
      getValueRange() {
        return this.valueRange;
      }
      getName() {
        return this.document.getText().substring(this.document.offsetAt(this.nameRange.start), this.document.offsetAt(this.nameRange.end));
      }
      getValue() {
        return this.document.getText().substring(this.document.offsetAt(this.valueRange.start), this.document.offsetAt(this.valueRange.end));
      }
      getDirective() {
        const directive = main_1.Directive[this.getName().toLowerCase()];
        return directive === void 0 ? null : directive;
      }
    };
    exports.ParserDirective = ParserDirective;
  }
});

// node_modules/dockerfile-ast/lib/heredoc.js
var require_heredoc = __commonJS({
  "node_modules/dockerfile-ast/lib/heredoc.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Heredoc = void 0;
    var Heredoc = class {
      constructor(startRange, name2, nameRange, contentRange, endRange) {
        this.startRange = startRange;
        this.name = name2;
        this.nameRange = nameRange;
        this.contentRange = contentRange;
        this.endRange = endRange;
      }
      /**
       * Returns the name of the here-document.
       *
       * This API is experimental and subject to change.
       */
      getName() {
        return this.name;
      }
      /**
       * Returns the range of the start operator and the name. If the
       * here-document is initialized with <<EOT then the start range would
       * encompass all five characters.
       *
       * This API is experimental and subject to change.
       */
      getStartRange() {
        return this.startRange;
      }
      /**
       * Returns the range of this here-document's name that is declared at
       * the beginning of the here-document with the operator. If the
       * here-document is initialized with <<EOT then the name range would
       * encompass the latter three "EOT" characters.
       *
       * This API is experimental and subject to change.
       */
      getNameRange() {
        return this.nameRange;
      }
      /**
       * Returns the range of the content of this here-document. This may
       * be null if the here-document has no content because:
       * - the start range is the only thing that was declared
       * - the end range was declared immediately and there is no content
       *
       * This API is experimental and subject to change.
       */
      getContentRange() {
        return this.contentRange;
      }
      /**
       * Returns the range of the here-document's name on a line that
       * represents the end of the here-document.
       *
       * This API is experimental and subject to change.
       */
      getDelimiterRange() {
        return this.endRange;
      }
    };
    exports.Heredoc = Heredoc;
  }
});

// node_modules/dockerfile-ast/lib/variable.js
var require_variable = __commonJS({
  "node_modules/dockerfile-ast/lib/variable.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Variable = void 0;
    var Variable = class {
      constructor(name2, nameRange, range, modifier, modifierRange, substitutionParameter, substitutionRange, defined, buildVariable, stringValue) {
        this.name = name2;
        this.nameRange = nameRange;
        this.range = range;
        this.modifier = modifier;
        this.modifierRange = modifierRange;
        this.substitutionParameter = substitutionParameter;
        this.substitutionRange = substitutionRange;
        this.defined = defined;
        this.buildVariable = buildVariable;
        this.stringValue = stringValue;
      }
      toString() {
        return this.stringValue;
      }
      getName() {
        return this.name;
      }
      getNameRange() {
        return this.nameRange;
      }
      /**
       * Returns the range of the entire variable. This includes the symbols for
       * the declaration of the variable such as the $, {, and } symbols.
       *
       * @return the range in the document that this variable encompasses in its
       *         entirety
       */
      getRange() {
        return this.range;
      }
      /**
       * Returns the modifier character that has been set for
       * specifying how this variable should be expanded and resolved.
       * If this variable is ${variable:+value} then the modifier
       * character is '+'. Will be the empty string if the variable is
       * declared as ${variable:}. Otherwise, will be null if this
       * variable will not use variable substitution at all (such as
       * ${variable} or $variable).
       *
       * @return this variable's modifier character, or the empty
       *         string if it does not have one, or null if this
       *         variable will not use variable substitution
       */
      getModifier() {
        return this.modifier;
      }
      getModifierRange() {
        return this.modifierRange;
      }
      /**
       * Returns the parameter that will be used for substitution if
       * this variable uses modifiers to define how its value should be
       * resolved. If this variable is ${variable:+value} then the
       * substitution value will be 'value'. Will be the empty string
       * if the variable is declared as ${variable:+} or some other
       * variant where the only thing that follows the modifier
       * character (excluding considerations of escape characters and
       * so on) is the variable's closing bracket. May be null if this
       * variable does not have a modifier character defined (such as
       * ${variable} or $variable).
       *
       * @return this variable's substitution parameter, or the empty
       *         string if it does not have one, or null if there is
       *         not one defined
       */
      getSubstitutionParameter() {
        return this.substitutionParameter;
      }
      getSubstitutionRange() {
        return this.substitutionRange;
      }
      /**
       * Returns whether this variable has been defined or not.
       *
       * @return true if this variable has been defined, false otherwise
       */
      isDefined() {
        return this.defined;
      }
      isBuildVariable() {
        return this.buildVariable === true;
      }
      isEnvironmentVariable() {
        return this.buildVariable === false;
      }
    };
    exports.Variable = Variable;
  }
});

// node_modules/dockerfile-ast/lib/instruction.js
var require_instruction = __commonJS({
  "node_modules/dockerfile-ast/lib/instruction.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Instruction = void 0;
    var vscode_languageserver_types_1 = (init_main(), __toCommonJS(main_exports));
    var util_1 = require_util();
    var line_1 = require_line();
    var argument_1 = require_argument();
    var heredoc_1 = require_heredoc();
    var variable_1 = require_variable();
    var main_1 = require_main();
    var Instruction = class extends line_1.Line {
      constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range);
        this.dockerfile = dockerfile;
        this.escapeChar = escapeChar;
        this.instruction = instruction;
        this.instructionRange = instructionRange;
      }
      toString() {
        let value = this.getKeyword();
        for (let arg of this.getRawArguments()) {
          value += " ";
          value += arg.getValue();
        }
        return value;
      }
      getRangeContent(range) {
        if (range === null) {
          return null;
        }
        return this.document.getText().substring(this.document.offsetAt(range.start), this.document.offsetAt(range.end));
      }
      getInstructionRange() {
        return this.instructionRange;
      }
      getInstruction() {
        return this.instruction;
      }
      getKeyword() {
        return this.getInstruction().toUpperCase();
      }
      getArgumentsRange() {
        let args = this.getArguments();
        if (args.length === 0) {
          return null;
        }
        return vscode_languageserver_types_1.Range.create(args[0].getRange().start, args[args.length - 1].getRange().end);
      }
      getArgumentsRanges() {
        let args = this.getArguments();
        if (args.length === 0) {
          return [];
        }
        if (args[0].getRange().start.line === args[args.length - 1].getRange().end.line) {
          return [vscode_languageserver_types_1.Range.create(args[0].getRange().start, args[args.length - 1].getRange().end)];
        }
        let ranges = [];
        let end = -1;
        let startPosition = args[0].getRange().start;
        let range = this.getInstructionRange();
        let extra = this.document.offsetAt(startPosition) - this.document.offsetAt(range.start);
        let content2 = this.getTextContent();
        let fullArgs = content2.substring(extra, this.document.offsetAt(args[args.length - 1].getRange().end) - this.document.offsetAt(range.start));
        let offset = this.document.offsetAt(range.start) + extra;
        let start = false;
        let comment2 = false;
        for (let i = 0; i < fullArgs.length; i++) {
          let char = fullArgs.charAt(i);
          if (char === this.escapeChar) {
            let next = fullArgs.charAt(i + 1);
            if (next === " " || next === "	") {
              whitespaceCheck: for (let j = i + 2; j < fullArgs.length; j++) {
                switch (fullArgs.charAt(j)) {
                  case " ":
                  case "	":
                    continue;
                  case "\r":
                    j++;
                  case "\n":
                    if (startPosition !== null) {
                      ranges.push(vscode_languageserver_types_1.Range.create(startPosition, this.document.positionAt(offset + end + 1)));
                    }
                    startPosition = null;
                    start = true;
                    comment2 = false;
                    i = j;
                    break whitespaceCheck;
                  default:
                    break whitespaceCheck;
                }
              }
            } else if (next === "\r") {
              if (startPosition !== null) {
                ranges.push(vscode_languageserver_types_1.Range.create(startPosition, this.document.positionAt(offset + end + 1)));
                startPosition = null;
              }
              start = true;
              comment2 = false;
              i += 2;
            } else if (next === "\n") {
              if (startPosition !== null) {
                ranges.push(vscode_languageserver_types_1.Range.create(startPosition, this.document.positionAt(offset + end + 1)));
              }
              startPosition = null;
              start = true;
              comment2 = false;
              i++;
            } else {
              i++;
            }
          } else if (util_1.Util.isNewline(char)) {
            if (comment2) {
              startPosition = null;
              start = true;
              comment2 = false;
            }
          } else {
            if (!comment2) {
              if (startPosition === null) {
                if (char === "#") {
                  comment2 = true;
                  continue;
                }
                let position = this.document.positionAt(offset + i);
                if (position.character !== 0) {
                  startPosition = vscode_languageserver_types_1.Position.create(position.line, 0);
                }
              }
              end = i;
            }
          }
        }
        if (startPosition === null) {
          ranges.push(vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + end), this.document.positionAt(offset + end + 1)));
        } else {
          ranges.push(vscode_languageserver_types_1.Range.create(startPosition, this.document.positionAt(offset + end + 1)));
        }
        return ranges;
      }
      getRawArgumentsContent() {
        let args = this.getArguments();
        if (args.length === 0) {
          return null;
        }
        return this.getRangeContent(vscode_languageserver_types_1.Range.create(args[0].getRange().start, args[args.length - 1].getRange().end));
      }
      getArgumentsContent() {
        let args = this.getArguments();
        if (args.length === 0) {
          return null;
        }
        let content2 = "";
        let ranges = this.getArgumentsRanges();
        let documentText = this.document.getText();
        for (let range of ranges) {
          content2 += documentText.substring(this.document.offsetAt(range.start), this.document.offsetAt(range.end));
        }
        return content2;
      }
      getArguments() {
        return this.getRawArguments();
      }
      getRawArguments() {
        let args = [];
        let range = this.getInstructionRange();
        let extra = this.document.offsetAt(range.end) - this.document.offsetAt(range.start);
        let content2 = this.getTextContent();
        let fullArgs = content2.substring(extra);
        let offset = this.document.offsetAt(range.start) + extra;
        let start = false;
        let comment2 = false;
        let found = -1;
        let escapedWhitespaceDetected = false;
        let escaping = false;
        let escapeMarker = -1;
        let escapedArg = "";
        for (let i = 0; i < fullArgs.length; i++) {
          let char = fullArgs.charAt(i);
          if (util_1.Util.isWhitespace(char)) {
            if (escaping) {
              escapedWhitespaceDetected = true;
              if (util_1.Util.isNewline(char)) {
                escapedWhitespaceDetected = false;
                if (comment2) {
                  comment2 = false;
                  start = true;
                }
              }
              continue;
            } else if (found !== -1) {
              if (escapeMarker === -1) {
                args.push(new argument_1.Argument(escapedArg, vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + found), this.document.positionAt(offset + i))));
              } else {
                args.push(new argument_1.Argument(escapedArg, vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + found), this.document.positionAt(offset + escapeMarker))));
              }
              escapeMarker = -1;
              escapedArg = "";
              found = -1;
            }
          } else if (char === this.escapeChar) {
            let next = fullArgs.charAt(i + 1);
            if (next === " " || next === "	") {
              whitespaceCheck: for (let j = i + 2; j < fullArgs.length; j++) {
                let newlineCheck = fullArgs.charAt(j);
                switch (newlineCheck) {
                  case " ":
                  case "	":
                    continue;
                  case "\r":
                    j++;
                  case "\n":
                    comment2 = false;
                    escaping = true;
                    start = true;
                    if (found !== -1) {
                      escapeMarker = i;
                    }
                    i = j;
                    break whitespaceCheck;
                  default:
                    escapeMarker = i;
                    if (found === -1) {
                      i = j - 1;
                    }
                    break whitespaceCheck;
                }
              }
            } else if (next === "\r") {
              comment2 = false;
              escaping = true;
              start = true;
              if (found !== -1 && escapeMarker === -1) {
                escapeMarker = i;
              }
              i += 2;
            } else if (next === "\n") {
              comment2 = false;
              escaping = true;
              start = true;
              if (found !== -1 && escapeMarker === -1) {
                escapeMarker = i;
              }
              i++;
            } else {
              if (escapedWhitespaceDetected && escapeMarker !== -1) {
                args.push(new argument_1.Argument(escapedArg, vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + found), this.document.positionAt(offset + escapeMarker))));
                escapedArg = "";
                found = -1;
              }
              escapeMarker = -1;
              escapedWhitespaceDetected = false;
              escaping = false;
              if (next === "$") {
                escapedArg = escapedArg + char + next;
              } else if (next === "") {
                break;
              } else {
                escapedArg = escapedArg + next;
              }
              if (found === -1) {
                found = i;
              }
              i++;
            }
          } else if (!comment2) {
            if (start && char === "#") {
              comment2 = true;
            } else {
              if (escapedWhitespaceDetected && escapeMarker !== -1) {
                args.push(new argument_1.Argument(escapedArg, vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + found), this.document.positionAt(offset + escapeMarker))));
                escapedArg = "";
                found = -1;
              }
              escapedWhitespaceDetected = false;
              escaping = false;
              escapeMarker = -1;
              escapedArg = escapedArg + char;
              if (found === -1) {
                found = i;
              }
            }
            start = false;
          }
        }
        if (found !== -1) {
          if (escapeMarker === -1) {
            args.push(new argument_1.Argument(escapedArg, vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + found), this.document.positionAt(offset + fullArgs.length))));
          } else {
            args.push(new argument_1.Argument(escapedArg, vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + found), this.document.positionAt(offset + escapeMarker))));
          }
        }
        return args;
      }
      getExpandedArguments() {
        let args = this.getArguments();
        for (let i = 0; i < args.length; i++) {
          const argRange = args[i].getRange();
          let offset = this.document.offsetAt(argRange.start);
          const variables = this.parseVariables(offset, args[i].getValue());
          const swaps = [];
          let requiresExpansion = false;
          for (let variable of variables) {
            const value = this.dockerfile.resolveVariable(variable.getName(), variable.getNameRange().start.line);
            swaps.push(value);
            requiresExpansion = requiresExpansion || value !== void 0;
          }
          if (requiresExpansion) {
            let expanded = "";
            for (let j = 0; j < swaps.length; j++) {
              const variableRange = variables[j].getRange();
              const start = this.document.offsetAt(variableRange.start);
              const end = this.document.offsetAt(variableRange.end);
              if (swaps[j]) {
                expanded += this.document.getText().substring(offset, start);
                expanded += swaps[j];
                offset = end;
              } else {
                expanded += this.document.getText().substring(offset, end);
                offset = end;
              }
            }
            const argEnd = this.document.offsetAt(argRange.end);
            if (argEnd !== offset) {
              expanded += this.document.getText().substring(offset, argEnd);
            }
            args[i] = new argument_1.Argument(expanded, argRange);
          }
        }
        return args;
      }
      getVariables() {
        const variables = [];
        const args = this.getRawArguments();
        for (const arg of args) {
          let range = arg.getRange();
          let rawValue = this.document.getText().substring(this.document.offsetAt(range.start), this.document.offsetAt(range.end));
          const parsedVariables = this.parseVariables(this.document.offsetAt(arg.getRange().start), rawValue);
          for (const parsedVariable of parsedVariables) {
            variables.push(parsedVariable);
          }
        }
        return variables;
      }
      parseVariables(offset, arg) {
        let variables = [];
        variableLoop: for (let i = 0; i < arg.length; i++) {
          switch (arg.charAt(i)) {
            case this.escapeChar:
              if (arg.charAt(i + 1) === "$") {
                i++;
              }
              break;
            case "$":
              if (arg.charAt(i + 1) === "{") {
                let escapedString = "${";
                let escapedName = "";
                let nameEnd = -1;
                let escapedSubstitutionParameter = "";
                let substitutionStart = -1;
                let substitutionEnd = -1;
                let modifierRead = -1;
                nameLoop: for (let j = i + 2; j < arg.length; j++) {
                  let char = arg.charAt(j);
                  switch (char) {
                    case this.escapeChar:
                      for (let k = j + 1; k < arg.length; k++) {
                        switch (arg.charAt(k)) {
                          case " ":
                          case "	":
                          case "\r":
                            continue;
                          case "\n":
                            j = k;
                            continue nameLoop;
                        }
                      }
                      break;
                    case "}":
                      escapedString += "}";
                      let modifier = null;
                      let modifierRange = null;
                      let substitutionParameter = modifierRead !== -1 ? escapedSubstitutionParameter : null;
                      let substitutionRange = null;
                      if (nameEnd === -1) {
                        nameEnd = j;
                      } else if (nameEnd + 1 === j) {
                        modifier = "";
                        modifierRange = vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + nameEnd + 1), this.document.positionAt(offset + nameEnd + 1));
                      } else {
                        if (substitutionStart === -1) {
                          substitutionStart = modifierRead + 1;
                          substitutionEnd = modifierRead + 1;
                        } else {
                          substitutionEnd = substitutionEnd + 1;
                        }
                        modifier = arg.substring(modifierRead, modifierRead + 1);
                        modifierRange = vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + modifierRead), this.document.positionAt(offset + modifierRead + 1));
                        substitutionRange = vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + substitutionStart), this.document.positionAt(offset + substitutionEnd));
                      }
                      let start = this.document.positionAt(offset + i);
                      variables.push(new variable_1.Variable(escapedName, vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + i + 2), this.document.positionAt(offset + nameEnd)), vscode_languageserver_types_1.Range.create(start, this.document.positionAt(offset + j + 1)), modifier, modifierRange, substitutionParameter, substitutionRange, this.dockerfile.resolveVariable(escapedName, start.line) !== void 0, this.isBuildVariable(escapedName, start.line), escapedString));
                      i = j;
                      continue variableLoop;
                    case ":":
                      if (nameEnd === -1) {
                        nameEnd = j;
                      } else if (modifierRead !== -1) {
                        if (substitutionStart === -1) {
                          substitutionStart = j;
                          substitutionEnd = j;
                        } else {
                          substitutionEnd = j;
                        }
                        escapedSubstitutionParameter += ":";
                      } else {
                        modifierRead = j;
                      }
                      escapedString += ":";
                      break;
                    case "\n":
                    case "\r":
                    case " ":
                    case "	":
                      break;
                    default:
                      if (nameEnd === -1) {
                        escapedName += char;
                      } else if (modifierRead !== -1) {
                        if (substitutionStart === -1) {
                          substitutionStart = j;
                          substitutionEnd = j;
                        } else {
                          substitutionEnd = j;
                        }
                        escapedSubstitutionParameter += char;
                      } else {
                        modifierRead = j;
                      }
                      escapedString += char;
                      break;
                  }
                }
                break variableLoop;
              } else if (util_1.Util.isWhitespace(arg.charAt(i + 1)) || i === arg.length - 1) {
                continue;
              } else {
                let escapedName = "";
                nameLoop: for (let j = i + 1; j < arg.length; j++) {
                  let char = arg.charAt(j);
                  switch (char) {
                    case "\r":
                    case "\n":
                    case " ":
                    case "	":
                      continue;
                    case "$":
                    case "'":
                    case '"':
                      let varStart = this.document.positionAt(offset + i);
                      variables.push(new variable_1.Variable(escapedName, vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + i + 1), this.document.positionAt(offset + j)), vscode_languageserver_types_1.Range.create(varStart, this.document.positionAt(offset + j)), null, null, null, null, this.dockerfile.resolveVariable(escapedName, varStart.line) !== void 0, this.isBuildVariable(escapedName, varStart.line), "$" + escapedName));
                      i = j - 1;
                      continue variableLoop;
                    case this.escapeChar:
                      for (let k = j + 1; k < arg.length; k++) {
                        switch (arg.charAt(k)) {
                          case " ":
                          case "	":
                          case "\r":
                            continue;
                          case "\n":
                            j = k;
                            continue nameLoop;
                        }
                      }
                      let start2 = this.document.positionAt(offset + i);
                      variables.push(new variable_1.Variable(escapedName, vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + i + 1), this.document.positionAt(offset + j)), vscode_languageserver_types_1.Range.create(start2, this.document.positionAt(offset + j)), null, null, null, null, this.dockerfile.resolveVariable(escapedName, start2.line) !== void 0, this.isBuildVariable(escapedName, start2.line), "$" + escapedName));
                      break variableLoop;
                  }
                  if (char.match(/^[a-z0-9_]+$/i) === null) {
                    let varStart = this.document.positionAt(offset + i);
                    variables.push(new variable_1.Variable(escapedName, vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + i + 1), this.document.positionAt(offset + j)), vscode_languageserver_types_1.Range.create(varStart, this.document.positionAt(offset + j)), null, null, null, null, this.dockerfile.resolveVariable(escapedName, varStart.line) !== void 0, this.isBuildVariable(escapedName, varStart.line), "$" + escapedName));
                    i = j - 1;
                    continue variableLoop;
                  }
                  escapedName += char;
                }
                let start = this.document.positionAt(offset + i);
                variables.push(new variable_1.Variable(escapedName, vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + i + 1), this.document.positionAt(offset + arg.length)), vscode_languageserver_types_1.Range.create(start, this.document.positionAt(offset + arg.length)), null, null, null, null, this.dockerfile.resolveVariable(escapedName, start.line) !== void 0, this.isBuildVariable(escapedName, start.line), "$" + escapedName));
              }
              break variableLoop;
          }
        }
        return variables;
      }
      isBuildVariable(variable, line) {
        if (this.getKeyword() === main_1.Keyword.FROM) {
          for (const initialArg of this.dockerfile.getInitialARGs()) {
            const arg = initialArg;
            const property = arg.getProperty();
            if (property && variable === property.getName()) {
              return true;
            }
          }
          return void 0;
        }
        let image = this.dockerfile.getContainingImage(vscode_languageserver_types_1.Position.create(line, 0));
        let envs = image.getENVs();
        for (let i = envs.length - 1; i >= 0; i--) {
          if (envs[i].isBefore(line)) {
            for (let property of envs[i].getProperties()) {
              if (property.getName() === variable) {
                return false;
              }
            }
          }
        }
        let args = image.getARGs();
        for (let i = args.length - 1; i >= 0; i--) {
          if (args[i].isBefore(line)) {
            let property = args[i].getProperty();
            if (property && property.getName() === variable) {
              return true;
            }
          }
        }
        return void 0;
      }
      createSingleLineHeredocs(args) {
        const heredocs = [];
        for (const arg of args) {
          const value = arg.getValue();
          if (value.startsWith("<<") && util_1.Util.parseHeredocName(value) !== null) {
            const startRange = arg.getRange();
            const nameRange = this.getNameRange(startRange);
            const name2 = this.getName(nameRange);
            heredocs.push(new heredoc_1.Heredoc(startRange, name2, nameRange, null, null));
          }
        }
        return heredocs;
      }
      getName(nameRange) {
        const content2 = this.document.getText(nameRange);
        let escaping = false;
        let name2 = "";
        nameLoop: for (let i = 0; i < content2.length; i++) {
          const ch = content2.charAt(i);
          switch (ch) {
            case this.escapeChar:
              escaping = true;
              for (let j = i + 1; j < content2.length; j++) {
                switch (content2.charAt(j)) {
                  case " ":
                  case "	":
                    break;
                  case "\r":
                    i = j + 1;
                    continue nameLoop;
                  case "\n":
                    i = j;
                    continue nameLoop;
                  default:
                    name2 += content2.charAt(j);
                    i = j;
                    continue nameLoop;
                }
              }
              break;
            case "#":
              if (escaping) {
                for (let j = i + 1; j < content2.length; j++) {
                  switch (content2.charAt(j)) {
                    case "\n":
                      i = j;
                      continue nameLoop;
                  }
                }
              }
            case " ":
            case "	":
            case "\r":
            case "\n":
              if (escaping) {
                break;
              }
            default:
              name2 += ch;
              break;
          }
        }
        return name2;
      }
      getNameRange(startRange) {
        const content2 = this.document.getText(startRange);
        let endFound = false;
        let searchHyphen = false;
        let start = -1;
        let end = -1;
        let escaping = false;
        let quote = null;
        contentLoop: for (let i = 0; i < content2.length; i++) {
          const ch = content2.charAt(i);
          switch (ch) {
            case '"':
            case "'":
              if (quote === ch) {
                break contentLoop;
              }
              quote = ch;
              continue;
            case this.escapeChar:
              for (let j = i + 1; j < content2.length; j++) {
                switch (content2.charAt(j)) {
                  case "\n":
                    escaping = true;
                    j = i;
                    continue contentLoop;
                }
              }
              break;
            case " ":
            case "	":
            case "\r":
            case "\n":
              break;
            case "<":
              if (endFound) {
                searchHyphen = true;
              } else {
                endFound = true;
              }
              break;
            case "-":
              if (searchHyphen) {
                searchHyphen = false;
                break;
              }
            case "#":
              if (escaping) {
                for (let j = i + 1; j < content2.length; j++) {
                  switch (content2.charAt(j)) {
                    case "\n":
                      i = j;
                      continue contentLoop;
                  }
                }
              }
            default:
              if (start === -1) {
                start = i;
              }
              if (quote !== null) {
                end = i + 1;
                break;
              }
              break contentLoop;
          }
        }
        if (start === -1) {
          return vscode_languageserver_types_1.Range.create(startRange.end, startRange.end);
        }
        const nameStart = this.document.positionAt(this.document.offsetAt(startRange.start) + start);
        const nameEnd = quote !== null ? this.document.positionAt(this.document.offsetAt(startRange.start) + end) : startRange.end;
        return vscode_languageserver_types_1.Range.create(nameStart, nameEnd);
      }
      getHeredocs() {
        const args = this.getArguments();
        if (args.length === 0) {
          return [];
        }
        const heredocs = [];
        const range = this.getRange();
        if (range.start.line === range.end.line) {
          return this.createSingleLineHeredocs(args);
        }
        const heredocDefinitions = [];
        let heredocsProcessed = false;
        let escaping = false;
        let contentStart = -1;
        let contentEnd = -1;
        let lineStart = -1;
        let currentHeredoc = 0;
        const startOffset = this.document.offsetAt(args[0].getRange().start);
        const content2 = this.getRangeContent(vscode_languageserver_types_1.Range.create(args[0].getRange().start, this.getRange().end));
        contentLoop: for (let i = 0; i < content2.length; i++) {
          switch (content2.charAt(i)) {
            case this.escapeChar:
              escaping = true;
              for (let j = i + 1; j < content2.length; j++) {
                switch (content2.charAt(j)) {
                  case " ":
                  case "	":
                    break;
                  case "\r":
                    j++;
                  case "\n":
                    i = j;
                    continue contentLoop;
                  default:
                    i = j;
                    continue contentLoop;
                }
              }
              break;
            case "\r":
              break;
            case "\n":
              if (escaping) {
                break;
              }
              if (heredocsProcessed) {
                if (contentStart === -1) {
                  contentStart = i;
                }
                contentEnd = i;
                const arg = heredocDefinitions[currentHeredoc];
                const startRange = arg.getRange();
                const nameRange = this.getNameRange(startRange);
                const name2 = this.getName(nameRange);
                const delimiterRange = this.getDelimiterRange(arg, name2, vscode_languageserver_types_1.Range.create(this.document.positionAt(startOffset + lineStart), this.document.positionAt(startOffset + i)));
                if (delimiterRange !== null) {
                  const contentRange = vscode_languageserver_types_1.Range.create(this.document.positionAt(startOffset + contentStart), this.document.positionAt(startOffset + lineStart - 1));
                  heredocs.push(new heredoc_1.Heredoc(startRange, name2, nameRange, contentRange, delimiterRange));
                  contentStart = -1;
                  currentHeredoc++;
                }
                lineStart = -1;
              } else {
                const offsetLimit = startOffset + i;
                for (const arg of args) {
                  if (this.document.offsetAt(arg.getRange().start) < offsetLimit) {
                    if (arg.getValue().startsWith("<<")) {
                      heredocDefinitions.push(arg);
                    }
                  } else {
                    break;
                  }
                }
                heredocsProcessed = true;
                lineStart = -1;
                continue contentLoop;
              }
              break;
            case " ":
            case "	":
              if (escaping) {
                break;
              }
            case "#":
              if (escaping) {
                for (let j = i + 1; j < content2.length; j++) {
                  switch (content2.charAt(j)) {
                    case "\n":
                      i = j;
                      continue contentLoop;
                  }
                }
              }
            default:
              if (escaping) {
                escaping = false;
              }
              if (heredocsProcessed) {
                if (contentStart === -1) {
                  contentStart = i;
                }
                if (lineStart === -1) {
                  lineStart = i;
                }
              }
              break;
          }
        }
        if (heredocsProcessed) {
          const arg = heredocDefinitions[currentHeredoc];
          const startRange = arg.getRange();
          const nameRange = this.getNameRange(startRange);
          const name2 = this.getName(nameRange);
          let contentRange = null;
          const delimiterRange = this.getDelimiterRange(arg, name2, vscode_languageserver_types_1.Range.create(this.document.positionAt(startOffset + lineStart), range.end));
          if (delimiterRange === null) {
            contentRange = vscode_languageserver_types_1.Range.create(this.document.positionAt(startOffset + contentStart), range.end);
          } else if (contentEnd !== -1) {
            contentRange = vscode_languageserver_types_1.Range.create(this.document.positionAt(startOffset + contentStart), this.document.positionAt(startOffset + contentEnd));
          }
          heredocs.push(new heredoc_1.Heredoc(startRange, name2, nameRange, contentRange, delimiterRange));
          currentHeredoc++;
          for (let i = currentHeredoc; i < heredocDefinitions.length; i++) {
            const arg2 = heredocDefinitions[currentHeredoc];
            const startRange2 = arg2.getRange();
            const nameRange2 = this.getNameRange(startRange2);
            const name3 = this.getName(nameRange2);
            heredocs.push(new heredoc_1.Heredoc(startRange2, name3, nameRange2, null, null));
            currentHeredoc++;
          }
        } else {
          return this.createSingleLineHeredocs(args);
        }
        return heredocs;
      }
      getDelimiterRange(startArg, name2, candidateRange) {
        const text = this.document.getText(candidateRange);
        if (startArg.getValue().startsWith("<<-")) {
          let index = 0;
          while (text.charAt(index) === "	") {
            index++;
          }
          if (text.substring(index) === name2) {
            return vscode_languageserver_types_1.Range.create(vscode_languageserver_types_1.Position.create(candidateRange.start.line, index), candidateRange.end);
          }
          return null;
        }
        return text === name2 ? candidateRange : null;
      }
    };
    exports.Instruction = Instruction;
  }
});

// node_modules/dockerfile-ast/lib/flagOption.js
var require_flagOption = __commonJS({
  "node_modules/dockerfile-ast/lib/flagOption.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.FlagOption = void 0;
    var FlagOption = class {
      constructor(range, name2, nameRange, value, valueRange) {
        this.range = range;
        this.name = name2;
        this.nameRange = nameRange;
        this.value = value;
        this.valueRange = valueRange;
      }
      toString() {
        if (this.valueRange !== null) {
          return this.name + "=" + this.value;
        }
        return this.name;
      }
      getRange() {
        return this.range;
      }
      getName() {
        return this.name;
      }
      getNameRange() {
        return this.nameRange;
      }
      getValue() {
        return this.value;
      }
      getValueRange() {
        return this.valueRange;
      }
    };
    exports.FlagOption = FlagOption;
  }
});

// node_modules/dockerfile-ast/lib/flag.js
var require_flag = __commonJS({
  "node_modules/dockerfile-ast/lib/flag.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Flag = void 0;
    var vscode_languageserver_types_1 = (init_main(), __toCommonJS(main_exports));
    var flagOption_1 = require_flagOption();
    var Flag = class {
      constructor(document, range, name2, nameRange, value, valueRange) {
        this.options = [];
        this.range = range;
        this.name = name2;
        this.nameRange = nameRange;
        this.value = value;
        this.valueRange = valueRange;
        if (this.value !== null) {
          let offset = document.offsetAt(valueRange.start);
          let nameStart = -1;
          let valueStart = -1;
          let hasOptions = false;
          for (let i = 0; i < value.length; i++) {
            switch (value.charAt(i)) {
              case "=":
                hasOptions = true;
                if (valueStart === -1) {
                  valueStart = i + 1;
                  break;
                }
                break;
              case ",":
                this.options.push(this.createFlagOption(document, value, offset, nameStart, valueStart, i));
                nameStart = -1;
                valueStart = -1;
                break;
              default:
                if (nameStart === -1) {
                  nameStart = i;
                }
                break;
            }
          }
          if (hasOptions && nameStart !== -1) {
            this.options.push(this.createFlagOption(document, value, offset, nameStart, valueStart, value.length));
          }
        }
      }
      createFlagOption(document, content2, documentOffset, nameStart, valueStart, valueEnd) {
        const optionRange = vscode_languageserver_types_1.Range.create(document.positionAt(documentOffset + nameStart), document.positionAt(documentOffset + valueEnd));
        if (valueStart === -1) {
          return new flagOption_1.FlagOption(optionRange, content2.substring(nameStart, valueEnd), optionRange, null, null);
        }
        return new flagOption_1.FlagOption(optionRange, content2.substring(nameStart, valueStart - 1), vscode_languageserver_types_1.Range.create(document.positionAt(documentOffset + nameStart), document.positionAt(documentOffset + valueStart - 1)), content2.substring(valueStart, valueEnd), vscode_languageserver_types_1.Range.create(document.positionAt(documentOffset + valueStart), document.positionAt(documentOffset + valueEnd)));
      }
      toString() {
        if (this.valueRange) {
          return "--" + this.name + "=" + this.value;
        }
        return "--" + this.name;
      }
      /**
       * Returns the range that encompasses this entire flag. This includes the
       * -- prefix in the beginning to the last character of the flag's value (if
       * it has been defined).
       *
       * @return the entire range of this flag
       */
      getRange() {
        return this.range;
      }
      /**
       * Returns the name of this flag. The name does not include the -- prefix.
       * Thus, for HEALTHCHECK's --interval flag, interval is the flag's name and
       * not --interval.
       *
       * @return this flag's name
       */
      getName() {
        return this.name;
      }
      /**
       * Returns the range that encompasses the flag's name
       *
       * @return the range containing the flag's name
       */
      getNameRange() {
        return this.nameRange;
      }
      /**
       * Returns the value that has been set to this flag. May be null if the
       * flag is invalid and has no value set like a --start-period. If the flag
       * is instead a --start-period= with an equals sign then the flag's value
       * is the empty string.
       *
       * @return this flag's value if it has been defined, null otherwise
       */
      getValue() {
        return this.value;
      }
      /**
       * Returns the range that encompasses this flag's value. If no value has
       * been set then null will be returned.
       *
       * @return the range containing this flag's value, or null if the flag
       *         has no value defined
       */
      getValueRange() {
        return this.valueRange;
      }
      getOption(name2) {
        for (const option of this.options) {
          if (option.getName() === name2) {
            return option;
          }
        }
        return null;
      }
      getOptions() {
        return this.options;
      }
      hasOptions() {
        return this.options.length > 0;
      }
    };
    exports.Flag = Flag;
  }
});

// node_modules/dockerfile-ast/lib/modifiableInstruction.js
var require_modifiableInstruction = __commonJS({
  "node_modules/dockerfile-ast/lib/modifiableInstruction.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.ModifiableInstruction = void 0;
    var vscode_languageserver_types_1 = (init_main(), __toCommonJS(main_exports));
    var flag_1 = require_flag();
    var instruction_1 = require_instruction();
    var ModifiableInstruction = class extends instruction_1.Instruction {
      constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
      }
      getFlags() {
        if (!this.flags) {
          this.flags = [];
          for (let arg of this.getArguments()) {
            let value = arg.getValue();
            if (this.stopSearchingForFlags(value)) {
              return this.flags;
            } else if (value.indexOf("--") === 0) {
              let range = arg.getRange();
              let rawValue = this.document.getText().substring(this.document.offsetAt(range.start), this.document.offsetAt(range.end));
              let nameIndex = value.indexOf("=");
              let index = rawValue.indexOf("=");
              let firstMatch = false;
              let secondMatch = false;
              let startIndex = -1;
              nameSearchLoop: for (let i = 0; i < rawValue.length; i++) {
                switch (rawValue.charAt(i)) {
                  case "\\":
                  case " ":
                  case "	":
                  case "\r":
                  case "\n":
                    break;
                  case "-":
                    if (secondMatch) {
                      startIndex = i;
                      break nameSearchLoop;
                    } else if (firstMatch) {
                      secondMatch = true;
                    } else {
                      firstMatch = true;
                    }
                    break;
                  default:
                    startIndex = i;
                    break nameSearchLoop;
                }
              }
              let nameStart = this.document.positionAt(this.document.offsetAt(range.start) + startIndex);
              if (index === -1) {
                this.flags.push(new flag_1.Flag(this.document, range, value.substring(2), vscode_languageserver_types_1.Range.create(nameStart, range.end), null, null));
              } else if (index === value.length - 1) {
                let nameEnd = this.document.positionAt(this.document.offsetAt(range.start) + index);
                this.flags.push(new flag_1.Flag(this.document, range, value.substring(2, index), vscode_languageserver_types_1.Range.create(nameStart, nameEnd), "", vscode_languageserver_types_1.Range.create(range.end, range.end)));
              } else {
                let nameEnd = this.document.positionAt(this.document.offsetAt(range.start) + index);
                this.flags.push(new flag_1.Flag(this.document, range, value.substring(2, nameIndex), vscode_languageserver_types_1.Range.create(nameStart, nameEnd), value.substring(nameIndex + 1), vscode_languageserver_types_1.Range.create(this.document.positionAt(this.document.offsetAt(range.start) + index + 1), range.end)));
              }
            }
          }
        }
        return this.flags;
      }
      getArguments() {
        const args = super.getArguments();
        const flags = this.getFlags();
        if (flags.length === 0) {
          return args;
        }
        for (let i = 0; i < flags.length; i++) {
          args.shift();
        }
        return args;
      }
    };
    exports.ModifiableInstruction = ModifiableInstruction;
  }
});

// node_modules/dockerfile-ast/lib/jsonInstruction.js
var require_jsonInstruction = __commonJS({
  "node_modules/dockerfile-ast/lib/jsonInstruction.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.JSONInstruction = void 0;
    var vscode_languageserver_types_1 = (init_main(), __toCommonJS(main_exports));
    var argument_1 = require_argument();
    var jsonArgument_1 = require_jsonArgument();
    var modifiableInstruction_1 = require_modifiableInstruction();
    var JSONInstruction = class extends modifiableInstruction_1.ModifiableInstruction {
      constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
        this.openingBracket = null;
        this.closingBracket = null;
        this.jsonStrings = [];
        const argsContent = this.getRawArgumentsContent();
        if (argsContent === null) {
          return;
        }
        const args = this.getArguments();
        if (args.length === 1 && args[0].getValue() === "[]") {
          let argRange = args[0].getRange();
          this.openingBracket = new argument_1.Argument("[", vscode_languageserver_types_1.Range.create(argRange.start.line, argRange.start.character, argRange.start.line, argRange.start.character + 1));
          this.closingBracket = new argument_1.Argument("]", vscode_languageserver_types_1.Range.create(argRange.start.line, argRange.start.character + 1, argRange.end.line, argRange.end.character));
          return;
        } else if (args.length === 2 && args[0].getValue() === "[" && args[1].getValue() === "]") {
          this.openingBracket = args[0];
          this.closingBracket = args[1];
          return;
        }
        const argsOffset = document.offsetAt(this.getArgumentsRange().start);
        let start = -1;
        let last = "";
        let quoted = false;
        let escapedArg = "";
        argsCheck: for (let i = 0; i < argsContent.length; i++) {
          let char = argsContent.charAt(i);
          switch (char) {
            case "[":
              if (last === "") {
                this.openingBracket = new argument_1.Argument("[", vscode_languageserver_types_1.Range.create(document.positionAt(argsOffset + i), document.positionAt(argsOffset + i + 1)));
                last = "[";
              } else if (quoted) {
                escapedArg = escapedArg + char;
              } else {
                break argsCheck;
              }
              break;
            case '"':
              if (last === "[" || last === ",") {
                start = i;
                quoted = true;
                last = '"';
                escapedArg = escapedArg + char;
                continue;
              } else if (last === '"') {
                if (quoted) {
                  escapedArg = escapedArg + char;
                  quoted = false;
                  this.jsonStrings.push(new jsonArgument_1.JSONArgument(escapedArg, vscode_languageserver_types_1.Range.create(document.positionAt(argsOffset + start), document.positionAt(argsOffset + i + 1)), vscode_languageserver_types_1.Range.create(document.positionAt(argsOffset + start + 1), document.positionAt(argsOffset + i))));
                  escapedArg = "";
                } else {
                  break argsCheck;
                }
              } else {
                break argsCheck;
              }
              break;
            case ",":
              if (quoted) {
                escapedArg = escapedArg + char;
              } else {
                if (last === '"') {
                  last = ",";
                } else {
                  break argsCheck;
                }
              }
              break;
            case "]":
              if (quoted) {
                escapedArg = escapedArg + char;
              } else if (last !== "") {
                this.closingBracket = new argument_1.Argument("]", vscode_languageserver_types_1.Range.create(document.positionAt(argsOffset + i), document.positionAt(argsOffset + i + 1)));
                break argsCheck;
              }
              break;
            case " ":
            case "	":
              break;
            case "\\":
              if (quoted) {
                switch (argsContent.charAt(i + 1)) {
                  case '"':
                  case "\\":
                    escapedArg = escapedArg + argsContent.charAt(i + 1);
                    i++;
                    continue;
                  case " ":
                  case "	":
                    escapeCheck: for (let j = i + 2; j < argsContent.length; j++) {
                      switch (argsContent.charAt(j)) {
                        case "\r":
                          j++;
                        case "\n":
                          i = j;
                          continue argsCheck;
                        case " ":
                        case "	":
                          break;
                        default:
                          break escapeCheck;
                      }
                    }
                    break;
                  case "\r":
                    i++;
                  default:
                    i++;
                    continue;
                }
              } else {
                escapeCheck: for (let j = i + 1; j < argsContent.length; j++) {
                  switch (argsContent.charAt(j)) {
                    case "\r":
                      j++;
                    case "\n":
                      i = j;
                      continue argsCheck;
                    case " ":
                    case "	":
                      break;
                    default:
                      break escapeCheck;
                  }
                }
              }
              break argsCheck;
            default:
              if (!quoted) {
                break argsCheck;
              }
              escapedArg = escapedArg + char;
              break;
          }
        }
      }
      stopSearchingForFlags(_value) {
        return true;
      }
      getOpeningBracket() {
        return this.openingBracket;
      }
      getJSONStrings() {
        return this.jsonStrings;
      }
      getClosingBracket() {
        return this.closingBracket;
      }
    };
    exports.JSONInstruction = JSONInstruction;
  }
});

// node_modules/dockerfile-ast/lib/instructions/add.js
var require_add = __commonJS({
  "node_modules/dockerfile-ast/lib/instructions/add.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Add = void 0;
    var jsonInstruction_1 = require_jsonInstruction();
    var Add = class extends jsonInstruction_1.JSONInstruction {
      constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
      }
      stopSearchingForFlags(argument) {
        return argument.indexOf("--") === -1;
      }
    };
    exports.Add = Add;
  }
});

// node_modules/dockerfile-ast/lib/property.js
var require_property = __commonJS({
  "node_modules/dockerfile-ast/lib/property.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Property = void 0;
    var vscode_languageserver_types_1 = (init_main(), __toCommonJS(main_exports));
    var util_1 = require_util();
    var Property = class _Property {
      constructor(document, escapeChar, arg, arg2) {
        this.assignmentOperatorRange = null;
        this.assignmentOperator = null;
        this.valueRange = null;
        this.value = null;
        this.document = document;
        this.escapeChar = escapeChar;
        this.nameRange = _Property.getNameRange(document, arg);
        let value = document.getText().substring(document.offsetAt(this.nameRange.start), document.offsetAt(this.nameRange.end));
        this.name = _Property.getValue(value, escapeChar);
        if (arg2) {
          this.valueRange = arg2.getRange();
          value = document.getText().substring(document.offsetAt(this.valueRange.start), document.offsetAt(this.valueRange.end));
          this.value = _Property.getValue(value, escapeChar);
          this.range = vscode_languageserver_types_1.Range.create(this.nameRange.start, this.valueRange.end);
        } else {
          let argRange = arg.getRange();
          if (this.nameRange.start.line === argRange.start.line && this.nameRange.start.character === argRange.start.character && this.nameRange.end.line === argRange.end.line && this.nameRange.end.character === argRange.end.character) {
          } else {
            this.valueRange = _Property.getValueRange(document, arg);
            value = document.getText().substring(document.offsetAt(this.valueRange.start), document.offsetAt(this.valueRange.end));
            this.value = _Property.getValue(value, escapeChar);
            this.assignmentOperatorRange = vscode_languageserver_types_1.Range.create(this.nameRange.end, this.valueRange.start);
            this.assignmentOperator = "=";
          }
          this.range = argRange;
        }
      }
      getRange() {
        return this.range;
      }
      getName() {
        return this.name;
      }
      getNameRange() {
        return this.nameRange;
      }
      getValue() {
        return this.value;
      }
      getValueRange() {
        return this.valueRange;
      }
      /**
       * Retrieves the operator used for delimiting between the name and
       * value of this property. This will either be the "=" character
       * or null if a character was not used or if this property has no
       * value defined.
       */
      getAssignmentOperator() {
        return this.assignmentOperator;
      }
      getAssignmentOperatorRange() {
        return this.assignmentOperatorRange;
      }
      /**
       * Returns the value of this property including any enclosing
       * single or double quotes and relevant escape characters.
       * Escaped newlines and its associated contiguous whitespace
       * characters however will not be returned as they are deemed to
       * be uninteresting to clients trying to return a Dockerfile.
       *
       * @return the unescaped value of this property or null if this
       *         property has no associated value
       */
      getUnescapedValue() {
        if (this.valueRange === null) {
          return null;
        }
        let escaped = false;
        let rawValue = "";
        let value = this.document.getText().substring(this.document.offsetAt(this.valueRange.start), this.document.offsetAt(this.valueRange.end));
        rawLoop: for (let i = 0; i < value.length; i++) {
          let char = value.charAt(i);
          switch (char) {
            case this.escapeChar:
              for (let j = i + 1; j < value.length; j++) {
                switch (value.charAt(j)) {
                  case "\r":
                    j++;
                  case "\n":
                    escaped = true;
                    i = j;
                    continue rawLoop;
                  case " ":
                  case "	":
                    break;
                  default:
                    rawValue = rawValue + char;
                    continue rawLoop;
                }
              }
              rawValue = rawValue + char;
              break;
            case "\r":
            case "\n":
              break;
            case " ":
            case "	":
              if (!escaped) {
                rawValue = rawValue + char;
              }
              break;
            case "#":
              if (escaped) {
                for (let j = i + 1; j < value.length; j++) {
                  switch (value.charAt(j)) {
                    case "\r":
                      j++;
                    case "\n":
                      i = j;
                      continue rawLoop;
                  }
                }
              } else {
                rawValue = rawValue + char;
              }
              break;
            default:
              rawValue = rawValue + char;
              escaped = false;
              break;
          }
        }
        return rawValue;
      }
      static getNameRange(document, arg) {
        let value = arg.getValue();
        let index = value.indexOf("=");
        if (index !== -1) {
          let initial = value.charAt(0);
          let before = value.charAt(index - 1);
          if (initial === '"' && before === '"' || initial === "'" && before === "'" || initial !== '"' && initial !== "'") {
            return vscode_languageserver_types_1.Range.create(arg.getRange().start, document.positionAt(document.offsetAt(arg.getRange().start) + index));
          }
        }
        return arg.getRange();
      }
      static getValueRange(document, arg) {
        return vscode_languageserver_types_1.Range.create(document.positionAt(document.offsetAt(arg.getRange().start) + arg.getValue().indexOf("=") + 1), document.positionAt(document.offsetAt(arg.getRange().end)));
      }
      /**
       * Returns the actual value of this key-value pair. The value will
       * have its escape characters removed if applicable. If the value
       * spans multiple lines and there are comments nested within the
       * lines, they too will be removed.
       *
       * @return the value that this key-value pair will actually be, may
       *         be null if no value is defined, may be the empty string
       *         if the value only consists of whitespace
       */
      static getValue(value, escapeChar) {
        let escaped = false;
        const skip = util_1.Util.findLeadingNonWhitespace(value, escapeChar);
        if (skip !== 0 && value.charAt(skip) === "#") {
          escaped = true;
        }
        value = value.substring(skip);
        let first = value.charAt(0);
        let last = value.charAt(value.length - 1);
        let literal2 = first === "'" || first === '"';
        let inSingle = first === "'" && last === "'";
        let inDouble = false;
        if (first === '"') {
          for (let i = 1; i < value.length; i++) {
            if (value.charAt(i) === escapeChar) {
              i++;
            } else if (value.charAt(i) === '"' && i === value.length - 1) {
              inDouble = true;
            }
          }
        }
        if (inSingle || inDouble) {
          value = value.substring(1, value.length - 1);
        }
        let commentCheck = -1;
        let escapedValue = "";
        let start = 0;
        parseValue: for (let i = 0; i < value.length; i++) {
          let char = value.charAt(i);
          switch (char) {
            case escapeChar:
              if (i + 1 === value.length) {
                escapedValue = escapedValue + escapeChar;
                break parseValue;
              }
              char = value.charAt(i + 1);
              if (char === " " || char === "	") {
                whitespaceCheck: for (let j = i + 2; j < value.length; j++) {
                  let char2 = value.charAt(j);
                  switch (char2) {
                    case " ":
                    case "	":
                      break;
                    case "\r":
                      j++;
                    case "\n":
                      escaped = true;
                      i = j;
                      continue parseValue;
                    default:
                      if (!inDouble && !inSingle && !literal2) {
                        if (char2 === escapeChar) {
                          escapedValue = escapedValue + char;
                          i = i + 1;
                        } else {
                          escapedValue = escapedValue + char + char2;
                          i = j;
                        }
                        continue parseValue;
                      }
                      break whitespaceCheck;
                  }
                }
              }
              if (inDouble) {
                if (char === "\r") {
                  escaped = true;
                  i = i + 2;
                } else if (char === "\n") {
                  escaped = true;
                  i++;
                } else if (char !== '"') {
                  if (char === escapeChar) {
                    i++;
                  }
                  escapedValue = escapedValue + escapeChar;
                }
                continue parseValue;
              } else if (inSingle || literal2) {
                if (char === "\r") {
                  escaped = true;
                  i = i + 2;
                } else if (char === "\n") {
                  escaped = true;
                  i++;
                } else {
                  escapedValue = escapedValue + escapeChar;
                }
                continue parseValue;
              } else if (char === escapeChar) {
                escapedValue = escapedValue + escapeChar;
                i++;
              } else if (char === "\r") {
                escaped = true;
                i = i + 2;
              } else if (char === "\n") {
                escaped = true;
                i++;
                start = i;
              } else {
                escapedValue = escapedValue + char;
                i++;
              }
              break;
            case " ":
            case "	":
              if (escaped && commentCheck === -1) {
                commentCheck = i;
              }
              escapedValue = escapedValue + char;
              break;
            case "\r":
              i++;
            case "\n":
              if (escaped && commentCheck !== -1) {
                escapedValue = escapedValue.substring(0, escapedValue.length - (i - commentCheck - 1));
                commentCheck = -1;
              }
              break;
            case "#":
              if (escaped) {
                if (commentCheck !== -1) {
                  escapedValue = escapedValue.substring(0, escapedValue.length - (i - commentCheck));
                  commentCheck = -1;
                }
                newlineCheck: for (let j = i + 1; j < value.length; j++) {
                  switch (value.charAt(j)) {
                    case "\r":
                      j++;
                    case "\n":
                      i = j;
                      break newlineCheck;
                  }
                }
                continue parseValue;
              }
            default:
              if (escaped) {
                escaped = false;
                commentCheck = -1;
              }
              escapedValue = escapedValue + char;
              break;
          }
        }
        return escapedValue;
      }
    };
    exports.Property = Property;
  }
});

// node_modules/dockerfile-ast/lib/propertyInstruction.js
var require_propertyInstruction = __commonJS({
  "node_modules/dockerfile-ast/lib/propertyInstruction.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.PropertyInstruction = void 0;
    var vscode_languageserver_types_1 = (init_main(), __toCommonJS(main_exports));
    var instruction_1 = require_instruction();
    var property_1 = require_property();
    var argument_1 = require_argument();
    var util_1 = require_util();
    var PropertyInstruction = class extends instruction_1.Instruction {
      constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
        this.properties = void 0;
      }
      getProperties() {
        if (this.properties === void 0) {
          let args = this.getPropertyArguments();
          if (args.length === 0) {
            this.properties = [];
          } else if (args.length === 1) {
            this.properties = [new property_1.Property(this.document, this.escapeChar, args[0])];
          } else if (args.length === 2) {
            if (args[0].getValue().indexOf("=") === -1) {
              this.properties = [new property_1.Property(this.document, this.escapeChar, args[0], args[1])];
            } else {
              this.properties = [
                new property_1.Property(this.document, this.escapeChar, args[0]),
                new property_1.Property(this.document, this.escapeChar, args[1])
              ];
            }
          } else if (args[0].getValue().indexOf("=") === -1) {
            let text = this.document.getText();
            let start = args[1].getRange().start;
            let end = args[args.length - 1].getRange().end;
            text = text.substring(this.document.offsetAt(start), this.document.offsetAt(end));
            this.properties = [new property_1.Property(this.document, this.escapeChar, args[0], new argument_1.Argument(text, vscode_languageserver_types_1.Range.create(args[1].getRange().start, args[args.length - 1].getRange().end)))];
          } else {
            this.properties = [];
            for (let i = 0; i < args.length; i++) {
              this.properties.push(new property_1.Property(this.document, this.escapeChar, args[i]));
            }
          }
        }
        return this.properties;
      }
      /**
       * Goes from the back of the string and returns the first
       * non-whitespace character that is found. If an escape character
       * is found with newline characters, the escape character will
       * not be considered a non-whitespace character and its index in
       * the string will not be returned.
       *
       * @param content the string to search through
       * @return the index in the string for the first non-whitespace
       *         character when searching from the end of the string
       */
      findTrailingNonWhitespace(content2) {
        let index = content2.length;
        whitespaceCheck: for (let i = content2.length - 1; i >= 0; i--) {
          switch (content2.charAt(i)) {
            case " ":
            case "	":
              continue;
            case "\n":
              if (content2.charAt(i - 1) === "\r") {
                i = i - 1;
              }
            case "\r":
              newlineCheck: for (let j = i - 1; j >= 0; j--) {
                switch (content2.charAt(j)) {
                  case " ":
                  case "	":
                  case "\r":
                  case "\n":
                  case this.escapeChar:
                    continue;
                  default:
                    index = j;
                    break newlineCheck;
                }
              }
              break whitespaceCheck;
            default:
              index = i;
              break whitespaceCheck;
          }
        }
        return index;
      }
      getPropertyArguments() {
        const args = [];
        let range = this.getInstructionRange();
        let instructionNameEndOffset = this.document.offsetAt(range.end);
        let extra = instructionNameEndOffset - this.document.offsetAt(range.start);
        let content2 = this.getTextContent();
        let fullArgs = content2.substring(extra);
        let start = util_1.Util.findLeadingNonWhitespace(fullArgs, this.escapeChar);
        if (start === -1) {
          return [];
        }
        const startPosition = this.document.positionAt(instructionNameEndOffset + start);
        let escaped = range.start.line !== startPosition.line;
        let endingEscape = false;
        let mark = -1;
        let end = this.findTrailingNonWhitespace(fullArgs);
        content2 = fullArgs.substring(start, end + 1);
        let argStart = escaped ? -1 : 0;
        let spaced = false;
        argumentLoop: for (let i = 0; i < content2.length; i++) {
          let char = content2.charAt(i);
          switch (char) {
            case this.escapeChar:
              if (i + 1 === content2.length) {
                endingEscape = true;
                break argumentLoop;
              }
              if (!escaped) {
                mark = i;
              }
              switch (content2.charAt(i + 1)) {
                case " ":
                case "	":
                  if (!util_1.Util.isWhitespace(content2.charAt(i + 2))) {
                    i = i + 1;
                    continue argumentLoop;
                  }
                  whitespaceCheck: for (let j = i + 2; j < content2.length; j++) {
                    switch (content2.charAt(j)) {
                      case "\r":
                        j++;
                      case "\n":
                        escaped = true;
                        i = j;
                        continue argumentLoop;
                      case " ":
                      case "	":
                        break;
                      default:
                        args.push(new argument_1.Argument(content2.substring(argStart, i), vscode_languageserver_types_1.Range.create(this.document.positionAt(instructionNameEndOffset + start + argStart), this.document.positionAt(instructionNameEndOffset + start + i + 2))));
                        argStart = j;
                        break whitespaceCheck;
                    }
                  }
                  i = argStart - 1;
                  continue argumentLoop;
                case "\r":
                  i++;
                case "\n":
                  escaped = true;
                  i = i + 1;
                  continue argumentLoop;
                case this.escapeChar:
                  if (argStart === -1) {
                    argStart = i;
                  }
                  i = i + 1;
                  continue argumentLoop;
                default:
                  if (argStart === -1) {
                    argStart = i;
                  }
                  continue argumentLoop;
              }
            case "'":
            case '"':
              if (spaced) {
                this.createSpacedArgument(argStart, args, content2, mark, instructionNameEndOffset, start);
                argStart = i;
                spaced = false;
              }
              if (argStart === -1) {
                argStart = i;
              }
              for (let j = i + 1; j < content2.length; j++) {
                switch (content2.charAt(j)) {
                  case char:
                    if (content2.charAt(j + 1) !== " " && content2.charAt(j + 1) !== "") {
                      i = j;
                      continue argumentLoop;
                    }
                    args.push(new argument_1.Argument(content2.substring(argStart, j + 1), vscode_languageserver_types_1.Range.create(this.document.positionAt(instructionNameEndOffset + start + argStart), this.document.positionAt(instructionNameEndOffset + start + j + 1))));
                    i = j;
                    argStart = -1;
                    continue argumentLoop;
                  case this.escapeChar:
                    j++;
                    break;
                }
              }
              break argumentLoop;
            case " ":
            case "	":
              if (escaped) {
                if (argStart !== -1) {
                  spaced = true;
                }
              } else if (argStart !== -1) {
                args.push(new argument_1.Argument(content2.substring(argStart, i), vscode_languageserver_types_1.Range.create(this.document.positionAt(instructionNameEndOffset + start + argStart), this.document.positionAt(instructionNameEndOffset + start + i))));
                argStart = -1;
              }
              break;
            case "\r":
              i++;
            case "\n":
              spaced = false;
              break;
            case "#":
              if (escaped) {
                for (let j = i + 1; j < content2.length; j++) {
                  switch (content2.charAt(j)) {
                    case "\r":
                      j++;
                    case "\n":
                      i = j;
                      spaced = false;
                      continue argumentLoop;
                  }
                }
                if (argStart !== -1) {
                  let value = content2.substring(argStart, mark);
                  args.push(new argument_1.Argument(value, vscode_languageserver_types_1.Range.create(this.document.positionAt(instructionNameEndOffset + start + argStart), this.document.positionAt(instructionNameEndOffset + start + mark))));
                  argStart = -1;
                }
                break argumentLoop;
              } else if (argStart === -1) {
                argStart = i;
              }
              break;
            default:
              if (spaced) {
                this.createSpacedArgument(argStart, args, content2, mark, instructionNameEndOffset, start);
                argStart = i;
                spaced = false;
              }
              escaped = false;
              if (argStart === -1) {
                argStart = i;
              }
              if (char === "$" && content2.charAt(i + 1) === "{") {
                let singleQuotes = false;
                let doubleQuotes = false;
                let escaped2 = false;
                for (let j = i + 1; j < content2.length; j++) {
                  switch (content2.charAt(j)) {
                    case this.escapeChar:
                      escaped2 = true;
                      break;
                    case "\r":
                    case "\n":
                      break;
                    case "'":
                      singleQuotes = !singleQuotes;
                      escaped2 = false;
                      break;
                    case '"':
                      doubleQuotes = !doubleQuotes;
                      escaped2 = false;
                      break;
                    case " ":
                    case "	":
                      if (escaped2 || singleQuotes || doubleQuotes) {
                        break;
                      }
                      i = j - 1;
                      continue argumentLoop;
                    case "}":
                      i = j;
                      continue argumentLoop;
                    default:
                      escaped2 = false;
                      break;
                  }
                }
                break argumentLoop;
              }
              break;
          }
        }
        if (argStart !== -1 && argStart !== content2.length) {
          let end2 = endingEscape ? content2.length - 1 : content2.length;
          let value = content2.substring(argStart, end2);
          args.push(new argument_1.Argument(value, vscode_languageserver_types_1.Range.create(this.document.positionAt(instructionNameEndOffset + start + argStart), this.document.positionAt(instructionNameEndOffset + start + end2))));
        }
        return args;
      }
      createSpacedArgument(argStart, args, content2, mark, instructionNameEndOffset, start) {
        if (argStart !== -1) {
          args.push(new argument_1.Argument(content2.substring(argStart, mark), vscode_languageserver_types_1.Range.create(this.document.positionAt(instructionNameEndOffset + start + argStart), this.document.positionAt(instructionNameEndOffset + start + mark))));
        }
      }
    };
    exports.PropertyInstruction = PropertyInstruction;
  }
});

// node_modules/dockerfile-ast/lib/instructions/arg.js
var require_arg = __commonJS({
  "node_modules/dockerfile-ast/lib/instructions/arg.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Arg = void 0;
    var property_1 = require_property();
    var propertyInstruction_1 = require_propertyInstruction();
    var Arg = class extends propertyInstruction_1.PropertyInstruction {
      constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
        this.property = null;
        const args = this.getPropertyArguments();
        if (args.length === 1) {
          this.property = new property_1.Property(this.document, this.escapeChar, args[0]);
        } else {
          this.property = null;
        }
      }
      /**
       * Returns the variable defined by this ARG. This may be null if
       * this ARG instruction is malformed and has no variable
       * declaration.
       */
      getProperty() {
        return this.property;
      }
    };
    exports.Arg = Arg;
  }
});

// node_modules/dockerfile-ast/lib/instructions/cmd.js
var require_cmd = __commonJS({
  "node_modules/dockerfile-ast/lib/instructions/cmd.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Cmd = void 0;
    var jsonInstruction_1 = require_jsonInstruction();
    var Cmd = class extends jsonInstruction_1.JSONInstruction {
      constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
      }
    };
    exports.Cmd = Cmd;
  }
});

// node_modules/dockerfile-ast/lib/instructions/copy.js
var require_copy = __commonJS({
  "node_modules/dockerfile-ast/lib/instructions/copy.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Copy = void 0;
    var jsonInstruction_1 = require_jsonInstruction();
    var Copy = class extends jsonInstruction_1.JSONInstruction {
      constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
      }
      stopSearchingForFlags(argument) {
        return argument.indexOf("--") === -1;
      }
      getFromFlag() {
        let flags = super.getFlags();
        return flags.length === 1 && flags[0].getName() === "from" ? flags[0] : null;
      }
      /**
       * Returns there here-documents that are defined in this RUN
       * instruction.
       *
       * This API is experimental and subject to change.
       */
      getHeredocs() {
        return super.getHeredocs();
      }
    };
    exports.Copy = Copy;
  }
});

// node_modules/dockerfile-ast/lib/instructions/env.js
var require_env = __commonJS({
  "node_modules/dockerfile-ast/lib/instructions/env.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Env = void 0;
    var propertyInstruction_1 = require_propertyInstruction();
    var Env = class extends propertyInstruction_1.PropertyInstruction {
      constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
      }
      getProperties() {
        return super.getProperties();
      }
    };
    exports.Env = Env;
  }
});

// node_modules/dockerfile-ast/lib/instructions/entrypoint.js
var require_entrypoint = __commonJS({
  "node_modules/dockerfile-ast/lib/instructions/entrypoint.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Entrypoint = void 0;
    var jsonInstruction_1 = require_jsonInstruction();
    var Entrypoint = class extends jsonInstruction_1.JSONInstruction {
      constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
      }
    };
    exports.Entrypoint = Entrypoint;
  }
});

// node_modules/dockerfile-ast/lib/instructions/from.js
var require_from = __commonJS({
  "node_modules/dockerfile-ast/lib/instructions/from.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.From = void 0;
    var vscode_languageserver_types_1 = (init_main(), __toCommonJS(main_exports));
    var modifiableInstruction_1 = require_modifiableInstruction();
    var From = class extends modifiableInstruction_1.ModifiableInstruction {
      constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
      }
      stopSearchingForFlags(argument) {
        return argument.indexOf("--") === -1;
      }
      getImage() {
        const args = this.getArguments();
        return args.length > 0 ? args[0].getValue() : null;
      }
      /**
       * Returns the name of the image that will be used as the base image.
       *
       * @return the base image's name, or null if unspecified
       */
      getImageName() {
        const imageName = this.getRangeContent(this.getImageNameRange());
        if (imageName === null) {
          return null;
        }
        let commented = false;
        let escaped = false;
        let name2 = "";
        for (let i = 0; i < imageName.length; i++) {
          const ch = imageName.charAt(i);
          switch (ch) {
            case this.escapeChar:
              escaped = true;
              break;
            case "\r":
              continue;
            case "\n":
              commented = false;
              break;
            case " ":
            case "	":
              break;
            case "#":
              if (escaped) {
                commented = true;
              } else {
                name2 = name2 + ch;
                escaped = false;
              }
              break;
            default:
              if (!commented) {
                name2 = name2 + ch;
                escaped = false;
              }
              break;
          }
        }
        return name2;
      }
      /**
       * Returns the range that covers the name of the image used by
       * this instruction.
       *
       * @return the range of the name of this instruction's argument,
       *         or null if no image has been specified
       */
      getImageNameRange() {
        let range = this.getImageRange();
        if (range) {
          let registryRange = this.getRegistryRange();
          if (registryRange) {
            range.start = this.document.positionAt(this.document.offsetAt(registryRange.end) + 1);
          }
          let tagRange = this.getImageTagRange();
          let digestRange = this.getImageDigestRange();
          if (tagRange === null) {
            if (digestRange !== null) {
              range.end = this.document.positionAt(this.document.offsetAt(digestRange.start) - 1);
            }
          } else {
            range.end = this.document.positionAt(this.document.offsetAt(tagRange.start) - 1);
          }
          return range;
        }
        return null;
      }
      /**
       * Returns the range that covers the image argument of this
       * instruction. This includes the tag or digest of the image if
       * it has been specified by the instruction.
       *
       * @return the range of the image argument, or null if no image
       *         has been specified
       */
      getImageRange() {
        let args = this.getArguments();
        return args.length !== 0 ? args[0].getRange() : null;
      }
      getImageTag() {
        return this.getRangeContent(this.getImageTagRange());
      }
      /**
       * Returns the range in the document that the tag of the base
       * image encompasses.
       *
       * @return the base image's tag's range in the document, or null
       *         if no tag has been specified
       */
      getImageTagRange() {
        const range = this.getImageRange();
        if (range) {
          const rangeStartOffset = this.document.offsetAt(range.start);
          const content2 = this.getRangeContent(range);
          const atIndex = this.indexOf(rangeStartOffset, content2, "@");
          const slashIndex = content2.indexOf("/");
          if (atIndex === -1) {
            const colonIndex = this.lastIndexOf(rangeStartOffset, content2, ":");
            if (colonIndex > slashIndex) {
              return vscode_languageserver_types_1.Range.create(this.document.positionAt(rangeStartOffset + colonIndex + 1), range.end);
            }
          }
          const subcontent = content2.substring(0, atIndex);
          const subcolonIndex = subcontent.indexOf(":");
          if (subcolonIndex === -1) {
            return null;
          }
          if (slashIndex === -1) {
            return vscode_languageserver_types_1.Range.create(this.document.positionAt(rangeStartOffset + subcolonIndex + 1), this.document.positionAt(rangeStartOffset + atIndex));
          }
          if (subcolonIndex < slashIndex) {
            return null;
          }
          return vscode_languageserver_types_1.Range.create(this.document.positionAt(rangeStartOffset + subcolonIndex + 1), this.document.positionAt(rangeStartOffset + subcontent.length));
        }
        return null;
      }
      getImageDigest() {
        return this.getRangeContent(this.getImageDigestRange());
      }
      /**
       * Returns the range in the document that the digest of the base
       * image encompasses.
       *
       * @return the base image's digest's range in the document, or null
       *         if no digest has been specified
       */
      getImageDigestRange() {
        let range = this.getImageRange();
        if (range) {
          let content2 = this.getRangeContent(range);
          let index = this.lastIndexOf(this.document.offsetAt(range.start), content2, "@");
          if (index !== -1) {
            return vscode_languageserver_types_1.Range.create(range.start.line, range.start.character + index + 1, range.end.line, range.end.character);
          }
        }
        return null;
      }
      indexOf(documentOffset, content2, searchString) {
        let index = content2.indexOf(searchString);
        const variables = this.getVariables();
        for (let i = 0; i < variables.length; i++) {
          const position = documentOffset + index;
          const variableRange = variables[i].getRange();
          if (this.document.offsetAt(variableRange.start) < position && position < this.document.offsetAt(variableRange.end)) {
            const offset = this.document.offsetAt(variableRange.end) - documentOffset;
            const substring = content2.substring(offset);
            const subIndex = substring.indexOf(searchString);
            if (subIndex === -1) {
              return -1;
            }
            index = subIndex + offset;
            i = -1;
            continue;
          }
        }
        return index;
      }
      lastIndexOf(documentOffset, content2, searchString) {
        let index = content2.lastIndexOf(searchString);
        const variables = this.getVariables();
        for (let i = 0; i < variables.length; i++) {
          const position = documentOffset + index;
          const variableRange = variables[i].getRange();
          if (this.document.offsetAt(variableRange.start) < position && position < this.document.offsetAt(variableRange.end)) {
            index = content2.substring(0, index).lastIndexOf(searchString);
            if (index === -1) {
              return -1;
            }
            i = -1;
            continue;
          }
        }
        return index;
      }
      getRegistry() {
        return this.getRangeContent(this.getRegistryRange());
      }
      getRegistryRange() {
        const range = this.getImageRange();
        if (range) {
          const tagRange = this.getImageTagRange();
          const digestRange = this.getImageDigestRange();
          if (tagRange === null) {
            if (digestRange !== null) {
              range.end = this.document.positionAt(this.document.offsetAt(digestRange.start) - 1);
            }
          } else {
            range.end = this.document.positionAt(this.document.offsetAt(tagRange.start) - 1);
          }
          const content2 = this.getRangeContent(range);
          const rangeStart = this.document.offsetAt(range.start);
          const startingSlashIndex = this.indexOf(rangeStart, content2, "/");
          if (startingSlashIndex === -1) {
            return null;
          }
          const portIndex = this.indexOf(rangeStart, content2, ":");
          const dotIndex = this.indexOf(rangeStart, content2, ".");
          if (portIndex !== -1 || dotIndex !== -1) {
            return vscode_languageserver_types_1.Range.create(range.start, this.document.positionAt(rangeStart + startingSlashIndex));
          }
          const registry = content2.substring(0, startingSlashIndex);
          if (registry === "localhost") {
            return vscode_languageserver_types_1.Range.create(range.start, this.document.positionAt(rangeStart + startingSlashIndex));
          }
        }
        return null;
      }
      getBuildStage() {
        let range = this.getBuildStageRange();
        return range === null ? null : this.getRangeContent(range);
      }
      getBuildStageRange() {
        let args = this.getArguments();
        if (args.length > 2 && args[1].getValue().toUpperCase() === "AS") {
          return args[2].getRange();
        }
        return null;
      }
      getPlatformFlag() {
        let flags = super.getFlags();
        return flags.length === 1 && flags[0].getName() === "platform" ? flags[0] : null;
      }
    };
    exports.From = From;
  }
});

// node_modules/dockerfile-ast/lib/instructions/healthcheck.js
var require_healthcheck = __commonJS({
  "node_modules/dockerfile-ast/lib/instructions/healthcheck.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Healthcheck = void 0;
    var modifiableInstruction_1 = require_modifiableInstruction();
    var Healthcheck = class extends modifiableInstruction_1.ModifiableInstruction {
      constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
      }
      stopSearchingForFlags(argument) {
        argument = argument.toUpperCase();
        return argument === "CMD" || argument === "NONE";
      }
      getSubcommand() {
        let args = this.getArguments();
        return args.length !== 0 ? args[0] : null;
      }
    };
    exports.Healthcheck = Healthcheck;
  }
});

// node_modules/dockerfile-ast/lib/instructions/label.js
var require_label = __commonJS({
  "node_modules/dockerfile-ast/lib/instructions/label.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Label = void 0;
    var propertyInstruction_1 = require_propertyInstruction();
    var util_1 = require_util();
    var Label = class extends propertyInstruction_1.PropertyInstruction {
      constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
      }
      getVariables() {
        const variables = super.getVariables();
        const properties = this.getProperties();
        for (const property of properties) {
          const value = property.getUnescapedValue();
          if (value !== null && value.length > 2 && value.charAt(0) === "'" && value.charAt(value.length - 1) === "'") {
            const range = property.getValueRange();
            for (let i = 0; i < variables.length; i++) {
              if (util_1.Util.isInsideRange(variables[i].getRange().start, range)) {
                variables.splice(i, 1);
                i--;
              }
            }
          }
        }
        return variables;
      }
      getProperties() {
        return super.getProperties();
      }
    };
    exports.Label = Label;
  }
});

// node_modules/dockerfile-ast/lib/instructions/onbuild.js
var require_onbuild = __commonJS({
  "node_modules/dockerfile-ast/lib/instructions/onbuild.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Onbuild = void 0;
    var vscode_languageserver_types_1 = (init_main(), __toCommonJS(main_exports));
    var parser_1 = require_parser();
    var instruction_1 = require_instruction();
    var Onbuild = class extends instruction_1.Instruction {
      constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
      }
      getTrigger() {
        let trigger = this.getTriggerWord();
        return trigger === null ? null : trigger.toUpperCase();
      }
      getTriggerWord() {
        return this.getRangeContent(this.getTriggerRange());
      }
      getTriggerRange() {
        let args = this.getArguments();
        return args.length > 0 ? args[0].getRange() : null;
      }
      getTriggerInstruction() {
        let triggerRange = this.getTriggerRange();
        if (triggerRange === null) {
          return null;
        }
        let args = this.getArguments();
        return parser_1.Parser.createInstruction(this.document, this.dockerfile, this.escapeChar, vscode_languageserver_types_1.Range.create(args[0].getRange().start, this.getRange().end), this.getTriggerWord(), triggerRange);
      }
    };
    exports.Onbuild = Onbuild;
  }
});

// node_modules/dockerfile-ast/lib/instructions/run.js
var require_run = __commonJS({
  "node_modules/dockerfile-ast/lib/instructions/run.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Run = void 0;
    var jsonInstruction_1 = require_jsonInstruction();
    var Run = class extends jsonInstruction_1.JSONInstruction {
      constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
      }
      stopSearchingForFlags(argument) {
        return argument.indexOf("--") === -1;
      }
      /**
       * Returns there here-documents that are defined in this RUN
       * instruction.
       *
       * This API is experimental and subject to change.
       */
      getHeredocs() {
        return super.getHeredocs();
      }
    };
    exports.Run = Run;
  }
});

// node_modules/dockerfile-ast/lib/instructions/shell.js
var require_shell = __commonJS({
  "node_modules/dockerfile-ast/lib/instructions/shell.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Shell = void 0;
    var jsonInstruction_1 = require_jsonInstruction();
    var Shell = class extends jsonInstruction_1.JSONInstruction {
      constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
      }
    };
    exports.Shell = Shell;
  }
});

// node_modules/dockerfile-ast/lib/instructions/stopsignal.js
var require_stopsignal = __commonJS({
  "node_modules/dockerfile-ast/lib/instructions/stopsignal.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Stopsignal = void 0;
    var instruction_1 = require_instruction();
    var Stopsignal = class extends instruction_1.Instruction {
      constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
      }
    };
    exports.Stopsignal = Stopsignal;
  }
});

// node_modules/dockerfile-ast/lib/instructions/workdir.js
var require_workdir = __commonJS({
  "node_modules/dockerfile-ast/lib/instructions/workdir.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Workdir = void 0;
    var instruction_1 = require_instruction();
    var Workdir = class extends instruction_1.Instruction {
      constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
      }
      /**
       * Returns the path that has been defined. Note that this path may
       * be absolute or relative depending on what was written in the
       * instruction.
       *
       * @return the working directory's path, or null if this
       *         instruction has no arguments
       */
      getPath() {
        return this.getArgumentsContent();
      }
      /**
       * Returns the absolute path that this instruction resolves to. The
       * function will inspect prior WORKDIR instructions in the current
       * image or another build stage in the Dockerfile to try to
       * determine this.
       *
       * @return the absolute path of the working directory, or null if
       *         this instruction has no arguments, or undefined if it
       *         cannot be determined because only relative paths could be
       *         found
       */
      getAbsolutePath() {
        const path = this.getPath();
        if (path === null || path.startsWith("/")) {
          return path;
        }
        const startLine = this.getRange().start.line;
        const hierarchy = this.dockerfile.getStageHierarchy(startLine);
        for (let i = hierarchy.length - 1; i >= 0; i--) {
          const workdirs = hierarchy[i].getWORKDIRs();
          for (let j = workdirs.length - 1; j >= 0; j--) {
            if (workdirs[j].getRange().start.line < startLine) {
              const parent = workdirs[j].getAbsolutePath();
              if (parent === void 0 || parent === null) {
                return void 0;
              }
              return parent.endsWith("/") ? parent + path : parent + "/" + path;
            }
          }
        }
        return void 0;
      }
    };
    exports.Workdir = Workdir;
  }
});

// node_modules/dockerfile-ast/lib/instructions/user.js
var require_user = __commonJS({
  "node_modules/dockerfile-ast/lib/instructions/user.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.User = void 0;
    var instruction_1 = require_instruction();
    var User = class extends instruction_1.Instruction {
      constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
      }
    };
    exports.User = User;
  }
});

// node_modules/dockerfile-ast/lib/instructions/volume.js
var require_volume = __commonJS({
  "node_modules/dockerfile-ast/lib/instructions/volume.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Volume = void 0;
    var jsonInstruction_1 = require_jsonInstruction();
    var Volume = class extends jsonInstruction_1.JSONInstruction {
      constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
      }
    };
    exports.Volume = Volume;
  }
});

// node_modules/dockerfile-ast/lib/imageTemplate.js
var require_imageTemplate = __commonJS({
  "node_modules/dockerfile-ast/lib/imageTemplate.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.ImageTemplate = void 0;
    var vscode_languageserver_types_1 = (init_main(), __toCommonJS(main_exports));
    var arg_1 = require_arg();
    var cmd_1 = require_cmd();
    var copy_1 = require_copy();
    var env_1 = require_env();
    var entrypoint_1 = require_entrypoint();
    var from_1 = require_from();
    var healthcheck_1 = require_healthcheck();
    var onbuild_1 = require_onbuild();
    var util_1 = require_util();
    var workdir_1 = require_workdir();
    var ImageTemplate = class {
      constructor() {
        this.comments = [];
        this.instructions = [];
      }
      addComment(comment2) {
        this.comments.push(comment2);
      }
      getComments() {
        return this.comments;
      }
      addInstruction(instruction) {
        this.instructions.push(instruction);
      }
      getInstructions() {
        return this.instructions;
      }
      getInstructionAt(line) {
        for (let instruction of this.instructions) {
          if (util_1.Util.isInsideRange(vscode_languageserver_types_1.Position.create(line, 0), instruction.getRange())) {
            return instruction;
          }
        }
        return null;
      }
      /**
       * Gets all the ARG instructions that are defined in this image.
       */
      getARGs() {
        let args = [];
        for (let instruction of this.instructions) {
          if (instruction instanceof arg_1.Arg) {
            args.push(instruction);
          }
        }
        return args;
      }
      /**
       * Gets all the CMD instructions that are defined in this image.
       */
      getCMDs() {
        let cmds = [];
        for (let instruction of this.instructions) {
          if (instruction instanceof cmd_1.Cmd) {
            cmds.push(instruction);
          }
        }
        return cmds;
      }
      /**
       * Gets all the COPY instructions that are defined in this image.
       */
      getCOPYs() {
        let copies = [];
        for (let instruction of this.instructions) {
          if (instruction instanceof copy_1.Copy) {
            copies.push(instruction);
          }
        }
        return copies;
      }
      /**
       * Gets all the ENTRYPOINT instructions that are defined in this image.
       */
      getENTRYPOINTs() {
        let froms = [];
        for (let instruction of this.instructions) {
          if (instruction instanceof entrypoint_1.Entrypoint) {
            froms.push(instruction);
          }
        }
        return froms;
      }
      /**
       * Gets all the ENV instructions that are defined in this image.
       */
      getENVs() {
        let args = [];
        for (let instruction of this.instructions) {
          if (instruction instanceof env_1.Env) {
            args.push(instruction);
          }
        }
        return args;
      }
      getFROM() {
        for (const instruction of this.instructions) {
          if (instruction instanceof from_1.From) {
            return instruction;
          }
        }
        return null;
      }
      /**
       * Gets all the FROM instructions that are defined in this image.
       */
      getFROMs() {
        let froms = [];
        for (let instruction of this.instructions) {
          if (instruction instanceof from_1.From) {
            froms.push(instruction);
          }
        }
        return froms;
      }
      /**
       * Gets all the HEALTHCHECK instructions that are defined in this image.
       */
      getHEALTHCHECKs() {
        let froms = [];
        for (let instruction of this.instructions) {
          if (instruction instanceof healthcheck_1.Healthcheck) {
            froms.push(instruction);
          }
        }
        return froms;
      }
      getWORKDIRs() {
        const workdirs = [];
        for (const instruction of this.instructions) {
          if (instruction instanceof workdir_1.Workdir) {
            workdirs.push(instruction);
          }
        }
        return workdirs;
      }
      getOnbuildTriggers() {
        let triggers = [];
        for (let instruction of this.instructions) {
          if (instruction instanceof onbuild_1.Onbuild) {
            let trigger = instruction.getTriggerInstruction();
            if (trigger) {
              triggers.push(trigger);
            }
          }
        }
        return triggers;
      }
      getAvailableVariables(currentLine) {
        const variables = [];
        for (const arg of this.getARGs()) {
          if (arg.isBefore(currentLine)) {
            const property = arg.getProperty();
            if (property) {
              const variable = property.getName();
              if (variables.indexOf(variable) === -1) {
                variables.push(variable);
              }
            }
          }
        }
        for (const env of this.getENVs()) {
          if (env.isBefore(currentLine)) {
            for (const property of env.getProperties()) {
              const variable = property.getName();
              if (variables.indexOf(variable) === -1) {
                variables.push(variable);
              }
            }
          }
        }
        return variables;
      }
      /**
       * Resolves a variable with the given name at the specified line
       * to its value. If null is returned, then the variable has been
       * defined but no value was given. If undefined is returned, then
       * a variable with the given name has not been defined yet as of
       * the given line.
       *
       * @param variable the name of the variable to resolve
       * @param line the line number that the variable is on, zero-based
       * @return the value of the variable as defined by an ARG or ENV
       *         instruction, or null if no value has been specified, or
       *         undefined if a variable with the given name has not
       *         been defined
       */
      resolveVariable(variable, line) {
        let envs = this.getENVs();
        for (let i = envs.length - 1; i >= 0; i--) {
          if (envs[i].isBefore(line)) {
            for (let property of envs[i].getProperties()) {
              if (property.getName() === variable) {
                return property.getValue();
              }
            }
          }
        }
        let args = this.getARGs();
        for (let i = args.length - 1; i >= 0; i--) {
          if (args[i].isBefore(line)) {
            let property = args[i].getProperty();
            if (property && property.getName() === variable) {
              return property.getValue();
            }
          }
        }
        return void 0;
      }
      getRange() {
        const instructions = this.getInstructions();
        if (instructions.length === 0) {
          return vscode_languageserver_types_1.Range.create(0, 0, 0, 0);
        }
        const instructionStart = instructions[0].getRange().start;
        const instructionEnd = instructions[instructions.length - 1].getRange().end;
        return vscode_languageserver_types_1.Range.create(instructionStart, instructionEnd);
      }
      contains(position) {
        const range = this.getRange();
        if (range === null) {
          return false;
        }
        return util_1.Util.isInsideRange(position, range);
      }
    };
    exports.ImageTemplate = ImageTemplate;
  }
});

// node_modules/dockerfile-ast/lib/dockerfile.js
var require_dockerfile = __commonJS({
  "node_modules/dockerfile-ast/lib/dockerfile.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Dockerfile = void 0;
    var vscode_languageserver_types_1 = (init_main(), __toCommonJS(main_exports));
    var ast = require_main();
    var imageTemplate_1 = require_imageTemplate();
    var from_1 = require_from();
    var util_1 = require_util();
    var main_1 = require_main();
    var Dockerfile = class extends imageTemplate_1.ImageTemplate {
      constructor(document) {
        super();
        this.initialInstructions = new imageTemplate_1.ImageTemplate();
        this.buildStages = [];
        this.directives = [];
        this.foundFrom = false;
        this.document = document;
      }
      getEscapeCharacter() {
        for (const directive of this.directives) {
          if (directive.getDirective() === ast.Directive.escape) {
            const value = directive.getValue();
            if (value === "\\" || value === "`") {
              return value;
            }
          }
        }
        return "\\";
      }
      getInitialARGs() {
        return this.initialInstructions.getARGs();
      }
      getContainingImage(position) {
        let range = vscode_languageserver_types_1.Range.create(vscode_languageserver_types_1.Position.create(0, 0), this.document.positionAt(this.document.getText().length));
        if (!util_1.Util.isInsideRange(position, range)) {
          return null;
        }
        if (this.initialInstructions.getComments().length > 0 || this.initialInstructions.getInstructions().length > 0) {
          if (util_1.Util.isInsideRange(position, this.initialInstructions.getRange())) {
            return this.initialInstructions;
          }
        }
        for (const buildStage of this.buildStages) {
          if (util_1.Util.isInsideRange(position, buildStage.getRange())) {
            return buildStage;
          }
        }
        return this;
      }
      addInstruction(instruction) {
        if (instruction.getKeyword() === main_1.Keyword.FROM) {
          this.currentBuildStage = new imageTemplate_1.ImageTemplate();
          this.buildStages.push(this.currentBuildStage);
          this.foundFrom = true;
        } else if (!this.foundFrom) {
          this.initialInstructions.addInstruction(instruction);
        }
        if (this.foundFrom) {
          this.currentBuildStage.addInstruction(instruction);
        }
        super.addInstruction(instruction);
      }
      setDirectives(directives) {
        this.directives = directives;
      }
      getDirective() {
        return this.directives.length === 0 ? null : this.directives[0];
      }
      getDirectives() {
        return this.directives;
      }
      resolveVariable(variable, line) {
        for (let from of this.getFROMs()) {
          let range = from.getRange();
          if (range.start.line <= line && line <= range.end.line) {
            let initialARGs = new imageTemplate_1.ImageTemplate();
            for (let instruction of this.initialInstructions.getARGs()) {
              initialARGs.addInstruction(instruction);
            }
            return initialARGs.resolveVariable(variable, line);
          }
        }
        let image = this.getContainingImage(vscode_languageserver_types_1.Position.create(line, 0));
        if (image === null) {
          return void 0;
        }
        let resolvedVariable = image.resolveVariable(variable, line);
        if (resolvedVariable === null) {
          let initialARGs = new imageTemplate_1.ImageTemplate();
          for (let instruction of this.initialInstructions.getARGs()) {
            initialARGs.addInstruction(instruction);
          }
          return initialARGs.resolveVariable(variable, line);
        }
        return resolvedVariable;
      }
      getAvailableVariables(currentLine) {
        if (this.getInstructionAt(currentLine) instanceof from_1.From) {
          let variables = [];
          for (let arg of this.getInitialARGs()) {
            let property = arg.getProperty();
            if (property) {
              variables.push(property.getName());
            }
          }
          return variables;
        }
        let image = this.getContainingImage(vscode_languageserver_types_1.Position.create(currentLine, 0));
        return image ? image.getAvailableVariables(currentLine) : [];
      }
      getParentStage(image) {
        const templateFrom = image.getFROM();
        const imageName = templateFrom === null ? null : templateFrom.getImageName();
        if (imageName === null) {
          return null;
        }
        for (const from of this.getFROMs()) {
          if (from.getBuildStage() === imageName) {
            const range = from.getRange();
            if (range.start.line === templateFrom.getRange().start.line) {
              return null;
            }
            return this.getContainingImage(range.start);
          }
        }
        return null;
      }
      getStageHierarchy(line) {
        const image = this.getContainingImage(vscode_languageserver_types_1.Position.create(line, 0));
        if (image === null) {
          return [];
        }
        const stages = [image];
        let stage = this.getParentStage(image);
        while (stage !== null) {
          stages.splice(0, 0, stage);
          stage = this.getParentStage(stage);
        }
        return stages;
      }
      getAvailableWorkingDirectories(line) {
        const availableDirectories = /* @__PURE__ */ new Set();
        for (const image of this.getStageHierarchy(line)) {
          for (const workdir of image.getWORKDIRs()) {
            if (workdir.getRange().end.line < line) {
              let directory = workdir.getAbsolutePath();
              if (directory !== void 0 && directory !== null) {
                if (!directory.endsWith("/")) {
                  directory += "/";
                }
                availableDirectories.add(directory);
              }
            }
          }
        }
        return Array.from(availableDirectories);
      }
      /**
       * Internally reorganize the comments in the Dockerfile and allocate
       * them to the relevant build stages that they belong to.
       */
      organizeComments() {
        const comments = this.getComments();
        for (let i = 0; i < comments.length; i++) {
          if (util_1.Util.isInsideRange(comments[i].getRange().end, this.initialInstructions.getRange())) {
            this.initialInstructions.addComment(comments[i]);
          } else {
            for (const buildStage of this.buildStages) {
              if (util_1.Util.isInsideRange(comments[i].getRange().start, buildStage.getRange())) {
                buildStage.addComment(comments[i]);
              }
            }
          }
        }
      }
      getRange() {
        const comments = this.getComments();
        const instructions = this.getInstructions();
        let range = null;
        if (comments.length === 0) {
          if (instructions.length > 0) {
            range = vscode_languageserver_types_1.Range.create(instructions[0].getRange().start, instructions[instructions.length - 1].getRange().end);
          }
        } else if (instructions.length === 0) {
          range = vscode_languageserver_types_1.Range.create(comments[0].getRange().start, comments[comments.length - 1].getRange().end);
        } else {
          const commentStart = comments[0].getRange().start;
          const commentEnd = comments[comments.length - 1].getRange().end;
          const instructionStart = instructions[0].getRange().start;
          const instructionEnd = instructions[instructions.length - 1].getRange().end;
          if (commentStart.line < instructionStart.line) {
            if (commentEnd.line < instructionEnd.line) {
              range = vscode_languageserver_types_1.Range.create(commentStart, instructionEnd);
            }
            range = vscode_languageserver_types_1.Range.create(commentStart, commentEnd);
          } else if (commentEnd.line < instructionEnd.line) {
            range = vscode_languageserver_types_1.Range.create(instructionStart, instructionEnd);
          } else {
            range = vscode_languageserver_types_1.Range.create(instructionStart, commentEnd);
          }
        }
        if (range === null) {
          if (this.directives.length === 0) {
            return null;
          }
          return this.directives[0].getRange();
        } else if (this.directives.length === 0) {
          return range;
        }
        return vscode_languageserver_types_1.Range.create(this.directives[0].getRange().start, range.end);
      }
    };
    exports.Dockerfile = Dockerfile;
  }
});

// node_modules/dockerfile-ast/lib/parser.js
var require_parser = __commonJS({
  "node_modules/dockerfile-ast/lib/parser.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Parser = void 0;
    var vscode_languageserver_textdocument_1 = (init_main2(), __toCommonJS(main_exports2));
    var vscode_languageserver_types_1 = (init_main(), __toCommonJS(main_exports));
    var comment_1 = require_comment();
    var parserDirective_1 = require_parserDirective();
    var instruction_1 = require_instruction();
    var add_1 = require_add();
    var arg_1 = require_arg();
    var cmd_1 = require_cmd();
    var copy_1 = require_copy();
    var env_1 = require_env();
    var entrypoint_1 = require_entrypoint();
    var from_1 = require_from();
    var healthcheck_1 = require_healthcheck();
    var label_1 = require_label();
    var onbuild_1 = require_onbuild();
    var run_1 = require_run();
    var shell_1 = require_shell();
    var stopsignal_1 = require_stopsignal();
    var workdir_1 = require_workdir();
    var user_1 = require_user();
    var volume_1 = require_volume();
    var dockerfile_1 = require_dockerfile();
    var util_1 = require_util();
    var main_1 = require_main();
    var Parser2 = class _Parser {
      constructor() {
        this.escapeChar = null;
      }
      static createInstruction(document, dockerfile, escapeChar, lineRange, instruction, instructionRange) {
        switch (instruction.toUpperCase()) {
          case "ADD":
            return new add_1.Add(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
          case "ARG":
            return new arg_1.Arg(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
          case "CMD":
            return new cmd_1.Cmd(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
          case "COPY":
            return new copy_1.Copy(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
          case "ENTRYPOINT":
            return new entrypoint_1.Entrypoint(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
          case "ENV":
            return new env_1.Env(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
          case "FROM":
            return new from_1.From(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
          case "HEALTHCHECK":
            return new healthcheck_1.Healthcheck(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
          case "LABEL":
            return new label_1.Label(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
          case "ONBUILD":
            return new onbuild_1.Onbuild(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
          case "RUN":
            return new run_1.Run(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
          case "SHELL":
            return new shell_1.Shell(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
          case "STOPSIGNAL":
            return new stopsignal_1.Stopsignal(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
          case "WORKDIR":
            return new workdir_1.Workdir(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
          case "USER":
            return new user_1.User(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
          case "VOLUME":
            return new volume_1.Volume(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
        }
        return new instruction_1.Instruction(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
      }
      getParserDirectives(document, buffer) {
        const directives = [];
        this.escapeChar = "";
        const offset = util_1.Util.isUTF8BOM(buffer.substring(0, 1)) ? 1 : 0;
        directiveCheck: for (let i = offset; i < buffer.length; i++) {
          switch (buffer.charAt(i)) {
            case " ":
            case "	":
              break;
            case "\r":
            case "\n":
              break directiveCheck;
            case "#":
              let directiveStart = -1;
              let directiveEnd = -1;
              for (let j = i + 1; j < buffer.length; j++) {
                let char = buffer.charAt(j);
                switch (char) {
                  case " ":
                  case "	":
                    if (directiveStart !== -1 && directiveEnd === -1) {
                      directiveEnd = j;
                    }
                    break;
                  case "\r":
                  case "\n":
                    break directiveCheck;
                  case "=":
                    let valueStart = -1;
                    let valueEnd = -1;
                    if (directiveEnd === -1) {
                      directiveEnd = j;
                    }
                    let lineEnd = buffer.length;
                    directiveValue: for (let k = j + 1; k < buffer.length; k++) {
                      char = buffer.charAt(k);
                      switch (char) {
                        case "\r":
                        case "\n":
                          if (valueStart !== -1 && valueEnd === -1) {
                            valueEnd = k;
                          }
                          lineEnd = k;
                          break directiveValue;
                        case "	":
                        case " ":
                          if (valueStart !== -1 && valueEnd === -1) {
                            valueEnd = k;
                          }
                          continue;
                        default:
                          if (valueStart === -1) {
                            valueStart = k;
                          }
                          break;
                      }
                    }
                    if (directiveStart === -1) {
                      break directiveCheck;
                    }
                    if (valueStart === -1) {
                      valueStart = j + 1;
                      valueEnd = lineEnd;
                    } else if (valueEnd === -1) {
                      valueEnd = buffer.length;
                    }
                    const lineRange = vscode_languageserver_types_1.Range.create(document.positionAt(i), document.positionAt(lineEnd));
                    const nameRange = vscode_languageserver_types_1.Range.create(document.positionAt(directiveStart), document.positionAt(directiveEnd));
                    const valueRange = vscode_languageserver_types_1.Range.create(document.positionAt(valueStart), document.positionAt(valueEnd));
                    directives.push(new parserDirective_1.ParserDirective(document, lineRange, nameRange, valueRange));
                    directiveStart = -1;
                    if (buffer.charAt(valueEnd) === "\r") {
                      i = valueEnd + 1;
                    } else {
                      i = valueEnd;
                    }
                    continue directiveCheck;
                  default:
                    if (directiveStart === -1) {
                      directiveStart = j;
                    }
                    break;
                }
              }
              break;
            default:
              break directiveCheck;
          }
        }
        return directives;
      }
      parse(buffer) {
        this.document = vscode_languageserver_textdocument_1.TextDocument.create("", "", 0, buffer);
        this.buffer = buffer;
        let dockerfile = new dockerfile_1.Dockerfile(this.document);
        let directives = this.getParserDirectives(this.document, this.buffer);
        let offset = 0;
        this.escapeChar = "\\";
        if (directives.length > 0) {
          dockerfile.setDirectives(directives);
          this.escapeChar = dockerfile.getEscapeCharacter();
          offset = this.document.offsetAt(vscode_languageserver_types_1.Position.create(directives.length, 0));
        } else if (util_1.Util.isUTF8BOM(buffer.substring(0, 1))) {
          offset = 1;
        }
        for (let i = offset; i < this.buffer.length; i++) {
          const char = this.buffer.charAt(i);
          switch (char) {
            case " ":
            case "	":
            case "\r":
            case "\n":
              break;
            case "#":
              i = this.processComment(dockerfile, i);
              break;
            default:
              i = this.processInstruction(dockerfile, char, i);
              break;
          }
        }
        dockerfile.organizeComments();
        return dockerfile;
      }
      processInstruction(dockerfile, char, start) {
        let instruction = char;
        let instructionEnd = -1;
        let escapedInstruction = false;
        instructionCheck: for (let i = start + 1; i < this.buffer.length; i++) {
          char = this.buffer.charAt(i);
          switch (char) {
            case this.escapeChar:
              escapedInstruction = true;
              char = this.buffer.charAt(i + 1);
              if (char === "\r" || char === "\n") {
                if (instructionEnd === -1) {
                  instructionEnd = i;
                }
                i++;
              } else if (char === " " || char === "	") {
                for (let j = i + 2; j < this.buffer.length; j++) {
                  switch (this.buffer.charAt(j)) {
                    case " ":
                    case "	":
                      break;
                    case "\r":
                    case "\n":
                      i = j;
                      continue instructionCheck;
                    default:
                      instructionEnd = i + 1;
                      instruction = instruction + this.escapeChar;
                      i = j - 2;
                      continue instructionCheck;
                  }
                }
                instructionEnd = i + 1;
                instruction = instruction + this.escapeChar;
                break instructionCheck;
              } else {
                instructionEnd = i + 1;
                instruction = instruction + this.escapeChar;
                escapedInstruction = false;
              }
              break;
            case " ":
            case "	":
              if (escapedInstruction) {
                escapeCheck: for (let j = i + 1; j < this.buffer.length; j++) {
                  switch (this.buffer.charAt(j)) {
                    case " ":
                    case "	":
                      break;
                    case "\r":
                    case "\n":
                      i = j;
                      continue instructionCheck;
                    default:
                      break escapeCheck;
                  }
                }
                escapedInstruction = false;
              }
              if (instructionEnd === -1) {
                instructionEnd = i;
              }
              i = this.processArguments(dockerfile, instruction, instructionEnd, start, i);
              dockerfile.addInstruction(this.createInstruction(dockerfile, instruction, start, instructionEnd, i));
              return i;
            case "\r":
            case "\n":
              if (escapedInstruction) {
                continue;
              }
              if (instructionEnd === -1) {
                instructionEnd = i;
              }
              dockerfile.addInstruction(this.createInstruction(dockerfile, instruction, start, i, i));
              return i;
            case "#":
              if (escapedInstruction) {
                continue;
              }
            default:
              instructionEnd = i + 1;
              instruction = instruction + char;
              escapedInstruction = false;
              break;
          }
        }
        if (instructionEnd === -1) {
          instructionEnd = this.buffer.length;
        }
        dockerfile.addInstruction(this.createInstruction(dockerfile, instruction, start, instructionEnd, this.buffer.length));
        return this.buffer.length;
      }
      processHeredocs(instruction, offset) {
        let keyword2 = instruction.getKeyword();
        if (keyword2 === main_1.Keyword.ONBUILD) {
          instruction = instruction.getTriggerInstruction();
          if (instruction === null) {
            return offset;
          }
          keyword2 = instruction.getKeyword();
        }
        if (keyword2 !== main_1.Keyword.ADD && keyword2 !== main_1.Keyword.COPY && keyword2 !== main_1.Keyword.RUN) {
          return offset;
        }
        const heredocs = [];
        let tabbed = false;
        for (const arg of instruction.getArguments()) {
          const value = arg.getValue();
          if (value.startsWith("<<") && value.length > 2) {
            if (value.startsWith("<<-")) {
              tabbed = true;
            }
            const name2 = util_1.Util.parseHeredocName(value);
            if (name2 !== null) {
              heredocs.push(name2);
            }
          }
        }
        if (heredocs.length > 0) {
          for (const heredoc of heredocs) {
            offset = this.parseHeredoc(heredoc, offset, tabbed);
          }
        }
        return offset;
      }
      processArguments(dockerfile, instruction, instructionEnd, start, offset) {
        let escaped = false;
        argumentsCheck: for (let i = offset + 1; i < this.buffer.length; i++) {
          switch (this.buffer.charAt(i)) {
            case "\r":
            case "\n":
              if (escaped) {
                continue;
              }
              return this.processHeredocs(this.createInstruction(dockerfile, instruction, start, instructionEnd, i), i);
            case this.escapeChar:
              const next = this.buffer.charAt(i + 1);
              if (next === "\n" || next === "\r") {
                escaped = true;
                i++;
              } else if (next === " " || next === "	") {
                for (let j = i + 2; j < this.buffer.length; j++) {
                  switch (this.buffer.charAt(j)) {
                    case " ":
                    case "	":
                      break;
                    case "\r":
                    case "\n":
                      escaped = true;
                    default:
                      i = j;
                      continue argumentsCheck;
                  }
                }
                return this.buffer.length;
              }
              continue;
            case "#":
              if (escaped) {
                i = this.processComment(dockerfile, i);
                continue argumentsCheck;
              }
              break;
            case " ":
            case "	":
              break;
            default:
              if (escaped) {
                escaped = false;
              }
              break;
          }
        }
        return this.buffer.length;
      }
      processComment(dockerfile, start) {
        let end = this.buffer.length;
        commentLoop: for (let i = start + 1; i < this.buffer.length; i++) {
          switch (this.buffer.charAt(i)) {
            case "\r":
            case "\n":
              end = i;
              break commentLoop;
          }
        }
        const range = vscode_languageserver_types_1.Range.create(this.document.positionAt(start), this.document.positionAt(end));
        dockerfile.addComment(new comment_1.Comment(this.document, range));
        return end;
      }
      parseHeredoc(heredocName, offset, tabbed) {
        let startWord = -1;
        let lineStart = true;
        for (let i = offset; i < this.buffer.length; i++) {
          switch (this.buffer.charAt(i)) {
            case " ":
              lineStart = false;
              break;
            case "	":
              if (!tabbed) {
                lineStart = false;
              }
              break;
            case "\r":
            case "\n":
              if (startWord !== -1 && heredocName === this.buffer.substring(startWord, i)) {
                return i;
              }
              startWord = -1;
              lineStart = true;
              break;
            default:
              if (lineStart) {
                startWord = i;
                lineStart = false;
              }
              break;
          }
        }
        return this.buffer.length;
      }
      createInstruction(dockerfile, instruction, start, instructionEnd, end) {
        const startPosition = this.document.positionAt(start);
        const instructionRange = vscode_languageserver_types_1.Range.create(startPosition, this.document.positionAt(instructionEnd));
        const lineRange = vscode_languageserver_types_1.Range.create(startPosition, this.document.positionAt(end));
        return _Parser.createInstruction(this.document, dockerfile, this.escapeChar, lineRange, instruction, instructionRange);
      }
    };
    exports.Parser = Parser2;
  }
});

// node_modules/dockerfile-ast/lib/main.js
var require_main = __commonJS({
  "node_modules/dockerfile-ast/lib/main.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.DockerfileParser = exports.DefaultVariables = exports.Directive = exports.Keyword = exports.Workdir = exports.Volume = exports.User = exports.Stopsignal = exports.Shell = exports.Run = exports.PropertyInstruction = exports.Onbuild = exports.ModifiableInstruction = exports.Label = exports.JSONInstruction = exports.Heredoc = exports.Healthcheck = exports.From = exports.Env = exports.Entrypoint = exports.Copy = exports.Cmd = exports.Arg = exports.Add = exports.Variable = exports.Property = exports.ParserDirective = exports.Line = exports.Instruction = exports.Flag = exports.Comment = exports.JSONArgument = exports.Argument = void 0;
    var argument_1 = require_argument();
    Object.defineProperty(exports, "Argument", { enumerable: true, get: function() {
      return argument_1.Argument;
    } });
    var jsonArgument_1 = require_jsonArgument();
    Object.defineProperty(exports, "JSONArgument", { enumerable: true, get: function() {
      return jsonArgument_1.JSONArgument;
    } });
    var comment_1 = require_comment();
    Object.defineProperty(exports, "Comment", { enumerable: true, get: function() {
      return comment_1.Comment;
    } });
    var parser_1 = require_parser();
    var flag_1 = require_flag();
    Object.defineProperty(exports, "Flag", { enumerable: true, get: function() {
      return flag_1.Flag;
    } });
    var instruction_1 = require_instruction();
    Object.defineProperty(exports, "Instruction", { enumerable: true, get: function() {
      return instruction_1.Instruction;
    } });
    var line_1 = require_line();
    Object.defineProperty(exports, "Line", { enumerable: true, get: function() {
      return line_1.Line;
    } });
    var parserDirective_1 = require_parserDirective();
    Object.defineProperty(exports, "ParserDirective", { enumerable: true, get: function() {
      return parserDirective_1.ParserDirective;
    } });
    var property_1 = require_property();
    Object.defineProperty(exports, "Property", { enumerable: true, get: function() {
      return property_1.Property;
    } });
    var variable_1 = require_variable();
    Object.defineProperty(exports, "Variable", { enumerable: true, get: function() {
      return variable_1.Variable;
    } });
    var add_1 = require_add();
    Object.defineProperty(exports, "Add", { enumerable: true, get: function() {
      return add_1.Add;
    } });
    var arg_1 = require_arg();
    Object.defineProperty(exports, "Arg", { enumerable: true, get: function() {
      return arg_1.Arg;
    } });
    var cmd_1 = require_cmd();
    Object.defineProperty(exports, "Cmd", { enumerable: true, get: function() {
      return cmd_1.Cmd;
    } });
    var copy_1 = require_copy();
    Object.defineProperty(exports, "Copy", { enumerable: true, get: function() {
      return copy_1.Copy;
    } });
    var entrypoint_1 = require_entrypoint();
    Object.defineProperty(exports, "Entrypoint", { enumerable: true, get: function() {
      return entrypoint_1.Entrypoint;
    } });
    var env_1 = require_env();
    Object.defineProperty(exports, "Env", { enumerable: true, get: function() {
      return env_1.Env;
    } });
    var from_1 = require_from();
    Object.defineProperty(exports, "From", { enumerable: true, get: function() {
      return from_1.From;
    } });
    var healthcheck_1 = require_healthcheck();
    Object.defineProperty(exports, "Healthcheck", { enumerable: true, get: function() {
      return healthcheck_1.Healthcheck;
    } });
    var heredoc_1 = require_heredoc();
    Object.defineProperty(exports, "Heredoc", { enumerable: true, get: function() {
      return heredoc_1.Heredoc;
    } });
    var jsonInstruction_1 = require_jsonInstruction();
    Object.defineProperty(exports, "JSONInstruction", { enumerable: true, get: function() {
      return jsonInstruction_1.JSONInstruction;
    } });
    var label_1 = require_label();
    Object.defineProperty(exports, "Label", { enumerable: true, get: function() {
      return label_1.Label;
    } });
    var modifiableInstruction_1 = require_modifiableInstruction();
    Object.defineProperty(exports, "ModifiableInstruction", { enumerable: true, get: function() {
      return modifiableInstruction_1.ModifiableInstruction;
    } });
    var onbuild_1 = require_onbuild();
    Object.defineProperty(exports, "Onbuild", { enumerable: true, get: function() {
      return onbuild_1.Onbuild;
    } });
    var propertyInstruction_1 = require_propertyInstruction();
    Object.defineProperty(exports, "PropertyInstruction", { enumerable: true, get: function() {
      return propertyInstruction_1.PropertyInstruction;
    } });
    var run_1 = require_run();
    Object.defineProperty(exports, "Run", { enumerable: true, get: function() {
      return run_1.Run;
    } });
    var shell_1 = require_shell();
    Object.defineProperty(exports, "Shell", { enumerable: true, get: function() {
      return shell_1.Shell;
    } });
    var stopsignal_1 = require_stopsignal();
    Object.defineProperty(exports, "Stopsignal", { enumerable: true, get: function() {
      return stopsignal_1.Stopsignal;
    } });
    var user_1 = require_user();
    Object.defineProperty(exports, "User", { enumerable: true, get: function() {
      return user_1.User;
    } });
    var volume_1 = require_volume();
    Object.defineProperty(exports, "Volume", { enumerable: true, get: function() {
      return volume_1.Volume;
    } });
    var workdir_1 = require_workdir();
    Object.defineProperty(exports, "Workdir", { enumerable: true, get: function() {
      return workdir_1.Workdir;
    } });
    var Keyword;
    (function(Keyword2) {
      Keyword2["ADD"] = "ADD";
      Keyword2["ARG"] = "ARG";
      Keyword2["CMD"] = "CMD";
      Keyword2["COPY"] = "COPY";
      Keyword2["ENTRYPOINT"] = "ENTRYPOINT";
      Keyword2["ENV"] = "ENV";
      Keyword2["EXPOSE"] = "EXPOSE";
      Keyword2["FROM"] = "FROM";
      Keyword2["HEALTHCHECK"] = "HEALTHCHECK";
      Keyword2["LABEL"] = "LABEL";
      Keyword2["MAINTAINER"] = "MAINTAINER";
      Keyword2["ONBUILD"] = "ONBUILD";
      Keyword2["RUN"] = "RUN";
      Keyword2["SHELL"] = "SHELL";
      Keyword2["STOPSIGNAL"] = "STOPSIGNAL";
      Keyword2["USER"] = "USER";
      Keyword2["VOLUME"] = "VOLUME";
      Keyword2["WORKDIR"] = "WORKDIR";
    })(Keyword || (exports.Keyword = Keyword = {}));
    var Directive;
    (function(Directive2) {
      Directive2["escape"] = "escape";
      Directive2["syntax"] = "syntax";
    })(Directive || (exports.Directive = Directive = {}));
    exports.DefaultVariables = [
      "ALL_PROXY",
      "all_proxy",
      "FTP_PROXY",
      "ftp_proxy",
      "HTTP_PROXY",
      "http_proxy",
      "HTTPS_PROXY",
      "https_proxy",
      "NO_PROXY",
      "no_proxy"
    ];
    var DockerfileParser2;
    (function(DockerfileParser3) {
      function parse(content2) {
        let parser3 = new parser_1.Parser();
        return parser3.parse(content2);
      }
      DockerfileParser3.parse = parse;
    })(DockerfileParser2 || (exports.DockerfileParser = DockerfileParser2 = {}));
  }
});

// node_modules/yaml/dist/nodes/identity.js
var require_identity = __commonJS({
  "node_modules/yaml/dist/nodes/identity.js"(exports) {
    "use strict";
    var ALIAS = /* @__PURE__ */ Symbol.for("yaml.alias");
    var DOC = /* @__PURE__ */ Symbol.for("yaml.document");
    var MAP = /* @__PURE__ */ Symbol.for("yaml.map");
    var PAIR = /* @__PURE__ */ Symbol.for("yaml.pair");
    var SCALAR = /* @__PURE__ */ Symbol.for("yaml.scalar");
    var SEQ = /* @__PURE__ */ Symbol.for("yaml.seq");
    var NODE_TYPE = /* @__PURE__ */ Symbol.for("yaml.node.type");
    var isAlias2 = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === ALIAS;
    var isDocument = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === DOC;
    var isMap2 = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === MAP;
    var isPair = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === PAIR;
    var isScalar3 = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === SCALAR;
    var isSeq2 = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === SEQ;
    function isCollection(node) {
      if (node && typeof node === "object")
        switch (node[NODE_TYPE]) {
          case MAP:
          case SEQ:
            return true;
        }
      return false;
    }
    function isNode(node) {
      if (node && typeof node === "object")
        switch (node[NODE_TYPE]) {
          case ALIAS:
          case MAP:
          case SCALAR:
          case SEQ:
            return true;
        }
      return false;
    }
    var hasAnchor = (node) => (isScalar3(node) || isCollection(node)) && !!node.anchor;
    exports.ALIAS = ALIAS;
    exports.DOC = DOC;
    exports.MAP = MAP;
    exports.NODE_TYPE = NODE_TYPE;
    exports.PAIR = PAIR;
    exports.SCALAR = SCALAR;
    exports.SEQ = SEQ;
    exports.hasAnchor = hasAnchor;
    exports.isAlias = isAlias2;
    exports.isCollection = isCollection;
    exports.isDocument = isDocument;
    exports.isMap = isMap2;
    exports.isNode = isNode;
    exports.isPair = isPair;
    exports.isScalar = isScalar3;
    exports.isSeq = isSeq2;
  }
});

// node_modules/yaml/dist/visit.js
var require_visit = __commonJS({
  "node_modules/yaml/dist/visit.js"(exports) {
    "use strict";
    var identity2 = require_identity();
    var BREAK = /* @__PURE__ */ Symbol("break visit");
    var SKIP = /* @__PURE__ */ Symbol("skip children");
    var REMOVE = /* @__PURE__ */ Symbol("remove node");
    function visit(node, visitor) {
      const visitor_ = initVisitor(visitor);
      if (identity2.isDocument(node)) {
        const cd = visit_(null, node.contents, visitor_, Object.freeze([node]));
        if (cd === REMOVE)
          node.contents = null;
      } else
        visit_(null, node, visitor_, Object.freeze([]));
    }
    visit.BREAK = BREAK;
    visit.SKIP = SKIP;
    visit.REMOVE = REMOVE;
    function visit_(key, node, visitor, path) {
      const ctrl = callVisitor(key, node, visitor, path);
      if (identity2.isNode(ctrl) || identity2.isPair(ctrl)) {
        replaceNode(key, path, ctrl);
        return visit_(key, ctrl, visitor, path);
      }
      if (typeof ctrl !== "symbol") {
        if (identity2.isCollection(node)) {
          path = Object.freeze(path.concat(node));
          for (let i = 0; i < node.items.length; ++i) {
            const ci = visit_(i, node.items[i], visitor, path);
            if (typeof ci === "number")
              i = ci - 1;
            else if (ci === BREAK)
              return BREAK;
            else if (ci === REMOVE) {
              node.items.splice(i, 1);
              i -= 1;
            }
          }
        } else if (identity2.isPair(node)) {
          path = Object.freeze(path.concat(node));
          const ck = visit_("key", node.key, visitor, path);
          if (ck === BREAK)
            return BREAK;
          else if (ck === REMOVE)
            node.key = null;
          const cv = visit_("value", node.value, visitor, path);
          if (cv === BREAK)
            return BREAK;
          else if (cv === REMOVE)
            node.value = null;
        }
      }
      return ctrl;
    }
    async function visitAsync(node, visitor) {
      const visitor_ = initVisitor(visitor);
      if (identity2.isDocument(node)) {
        const cd = await visitAsync_(null, node.contents, visitor_, Object.freeze([node]));
        if (cd === REMOVE)
          node.contents = null;
      } else
        await visitAsync_(null, node, visitor_, Object.freeze([]));
    }
    visitAsync.BREAK = BREAK;
    visitAsync.SKIP = SKIP;
    visitAsync.REMOVE = REMOVE;
    async function visitAsync_(key, node, visitor, path) {
      const ctrl = await callVisitor(key, node, visitor, path);
      if (identity2.isNode(ctrl) || identity2.isPair(ctrl)) {
        replaceNode(key, path, ctrl);
        return visitAsync_(key, ctrl, visitor, path);
      }
      if (typeof ctrl !== "symbol") {
        if (identity2.isCollection(node)) {
          path = Object.freeze(path.concat(node));
          for (let i = 0; i < node.items.length; ++i) {
            const ci = await visitAsync_(i, node.items[i], visitor, path);
            if (typeof ci === "number")
              i = ci - 1;
            else if (ci === BREAK)
              return BREAK;
            else if (ci === REMOVE) {
              node.items.splice(i, 1);
              i -= 1;
            }
          }
        } else if (identity2.isPair(node)) {
          path = Object.freeze(path.concat(node));
          const ck = await visitAsync_("key", node.key, visitor, path);
          if (ck === BREAK)
            return BREAK;
          else if (ck === REMOVE)
            node.key = null;
          const cv = await visitAsync_("value", node.value, visitor, path);
          if (cv === BREAK)
            return BREAK;
          else if (cv === REMOVE)
            node.value = null;
        }
      }
      return ctrl;
    }
    function initVisitor(visitor) {
      if (typeof visitor === "object" && (visitor.Collection || visitor.Node || visitor.Value)) {
        return Object.assign({
          Alias: visitor.Node,
          Map: visitor.Node,
          Scalar: visitor.Node,
          Seq: visitor.Node
        }, visitor.Value && {
          Map: visitor.Value,
          Scalar: visitor.Value,
          Seq: visitor.Value
        }, visitor.Collection && {
          Map: visitor.Collection,
          Seq: visitor.Collection
        }, visitor);
      }
      return visitor;
    }
    function callVisitor(key, node, visitor, path) {
      if (typeof visitor === "function")
        return visitor(key, node, path);
      if (identity2.isMap(node))
        return visitor.Map?.(key, node, path);
      if (identity2.isSeq(node))
        return visitor.Seq?.(key, node, path);
      if (identity2.isPair(node))
        return visitor.Pair?.(key, node, path);
      if (identity2.isScalar(node))
        return visitor.Scalar?.(key, node, path);
      if (identity2.isAlias(node))
        return visitor.Alias?.(key, node, path);
      return void 0;
    }
    function replaceNode(key, path, node) {
      const parent = path[path.length - 1];
      if (identity2.isCollection(parent)) {
        parent.items[key] = node;
      } else if (identity2.isPair(parent)) {
        if (key === "key")
          parent.key = node;
        else
          parent.value = node;
      } else if (identity2.isDocument(parent)) {
        parent.contents = node;
      } else {
        const pt = identity2.isAlias(parent) ? "alias" : "scalar";
        throw new Error(`Cannot replace node with ${pt} parent`);
      }
    }
    exports.visit = visit;
    exports.visitAsync = visitAsync;
  }
});

// node_modules/yaml/dist/doc/directives.js
var require_directives = __commonJS({
  "node_modules/yaml/dist/doc/directives.js"(exports) {
    "use strict";
    var identity2 = require_identity();
    var visit = require_visit();
    var escapeChars = {
      "!": "%21",
      ",": "%2C",
      "[": "%5B",
      "]": "%5D",
      "{": "%7B",
      "}": "%7D"
    };
    var escapeTagName = (tn) => tn.replace(/[!,[\]{}]/g, (ch) => escapeChars[ch]);
    var Directives = class _Directives {
      constructor(yaml, tags2) {
        this.docStart = null;
        this.docEnd = false;
        this.yaml = Object.assign({}, _Directives.defaultYaml, yaml);
        this.tags = Object.assign({}, _Directives.defaultTags, tags2);
      }
      clone() {
        const copy = new _Directives(this.yaml, this.tags);
        copy.docStart = this.docStart;
        return copy;
      }
      /**
       * During parsing, get a Directives instance for the current document and
       * update the stream state according to the current version's spec.
       */
      atDocument() {
        const res = new _Directives(this.yaml, this.tags);
        switch (this.yaml.version) {
          case "1.1":
            this.atNextDocument = true;
            break;
          case "1.2":
            this.atNextDocument = false;
            this.yaml = {
              explicit: _Directives.defaultYaml.explicit,
              version: "1.2"
            };
            this.tags = Object.assign({}, _Directives.defaultTags);
            break;
        }
        return res;
      }
      /**
       * @param onError - May be called even if the action was successful
       * @returns `true` on success
       */
      add(line, onError) {
        if (this.atNextDocument) {
          this.yaml = { explicit: _Directives.defaultYaml.explicit, version: "1.1" };
          this.tags = Object.assign({}, _Directives.defaultTags);
          this.atNextDocument = false;
        }
        const parts = line.trim().split(/[ \t]+/);
        const name2 = parts.shift();
        switch (name2) {
          case "%TAG": {
            if (parts.length !== 2) {
              onError(0, "%TAG directive should contain exactly two parts");
              if (parts.length < 2)
                return false;
            }
            const [handle, prefix] = parts;
            this.tags[handle] = prefix;
            return true;
          }
          case "%YAML": {
            this.yaml.explicit = true;
            if (parts.length !== 1) {
              onError(0, "%YAML directive should contain exactly one part");
              return false;
            }
            const [version] = parts;
            if (version === "1.1" || version === "1.2") {
              this.yaml.version = version;
              return true;
            } else {
              const isValid = /^\d+\.\d+$/.test(version);
              onError(6, `Unsupported YAML version ${version}`, isValid);
              return false;
            }
          }
          default:
            onError(0, `Unknown directive ${name2}`, true);
            return false;
        }
      }
      /**
       * Resolves a tag, matching handles to those defined in %TAG directives.
       *
       * @returns Resolved tag, which may also be the non-specific tag `'!'` or a
       *   `'!local'` tag, or `null` if unresolvable.
       */
      tagName(source, onError) {
        if (source === "!")
          return "!";
        if (source[0] !== "!") {
          onError(`Not a valid tag: ${source}`);
          return null;
        }
        if (source[1] === "<") {
          const verbatim = source.slice(2, -1);
          if (verbatim === "!" || verbatim === "!!") {
            onError(`Verbatim tags aren't resolved, so ${source} is invalid.`);
            return null;
          }
          if (source[source.length - 1] !== ">")
            onError("Verbatim tags must end with a >");
          return verbatim;
        }
        const [, handle, suffix] = source.match(/^(.*!)([^!]*)$/s);
        if (!suffix)
          onError(`The ${source} tag has no suffix`);
        const prefix = this.tags[handle];
        if (prefix) {
          try {
            return prefix + decodeURIComponent(suffix);
          } catch (error) {
            onError(String(error));
            return null;
          }
        }
        if (handle === "!")
          return source;
        onError(`Could not resolve tag: ${source}`);
        return null;
      }
      /**
       * Given a fully resolved tag, returns its printable string form,
       * taking into account current tag prefixes and defaults.
       */
      tagString(tag) {
        for (const [handle, prefix] of Object.entries(this.tags)) {
          if (tag.startsWith(prefix))
            return handle + escapeTagName(tag.substring(prefix.length));
        }
        return tag[0] === "!" ? tag : `!<${tag}>`;
      }
      toString(doc) {
        const lines = this.yaml.explicit ? [`%YAML ${this.yaml.version || "1.2"}`] : [];
        const tagEntries = Object.entries(this.tags);
        let tagNames;
        if (doc && tagEntries.length > 0 && identity2.isNode(doc.contents)) {
          const tags2 = {};
          visit.visit(doc.contents, (_key, node) => {
            if (identity2.isNode(node) && node.tag)
              tags2[node.tag] = true;
          });
          tagNames = Object.keys(tags2);
        } else
          tagNames = [];
        for (const [handle, prefix] of tagEntries) {
          if (handle === "!!" && prefix === "tag:yaml.org,2002:")
            continue;
          if (!doc || tagNames.some((tn) => tn.startsWith(prefix)))
            lines.push(`%TAG ${handle} ${prefix}`);
        }
        return lines.join("\n");
      }
    };
    Directives.defaultYaml = { explicit: false, version: "1.2" };
    Directives.defaultTags = { "!!": "tag:yaml.org,2002:" };
    exports.Directives = Directives;
  }
});

// node_modules/yaml/dist/doc/anchors.js
var require_anchors = __commonJS({
  "node_modules/yaml/dist/doc/anchors.js"(exports) {
    "use strict";
    var identity2 = require_identity();
    var visit = require_visit();
    function anchorIsValid(anchor) {
      if (/[\x00-\x19\s,[\]{}]/.test(anchor)) {
        const sa = JSON.stringify(anchor);
        const msg2 = `Anchor must not contain whitespace or control characters: ${sa}`;
        throw new Error(msg2);
      }
      return true;
    }
    function anchorNames(root) {
      const anchors = /* @__PURE__ */ new Set();
      visit.visit(root, {
        Value(_key, node) {
          if (node.anchor)
            anchors.add(node.anchor);
        }
      });
      return anchors;
    }
    function findNewAnchor(prefix, exclude) {
      for (let i = 1; true; ++i) {
        const name2 = `${prefix}${i}`;
        if (!exclude.has(name2))
          return name2;
      }
    }
    function createNodeAnchors(doc, prefix) {
      const aliasObjects = [];
      const sourceObjects = /* @__PURE__ */ new Map();
      let prevAnchors = null;
      return {
        onAnchor: (source) => {
          aliasObjects.push(source);
          prevAnchors ?? (prevAnchors = anchorNames(doc));
          const anchor = findNewAnchor(prefix, prevAnchors);
          prevAnchors.add(anchor);
          return anchor;
        },
        /**
         * With circular references, the source node is only resolved after all
         * of its child nodes are. This is why anchors are set only after all of
         * the nodes have been created.
         */
        setAnchors: () => {
          for (const source of aliasObjects) {
            const ref = sourceObjects.get(source);
            if (typeof ref === "object" && ref.anchor && (identity2.isScalar(ref.node) || identity2.isCollection(ref.node))) {
              ref.node.anchor = ref.anchor;
            } else {
              const error = new Error("Failed to resolve repeated object (this should not happen)");
              error.source = source;
              throw error;
            }
          }
        },
        sourceObjects
      };
    }
    exports.anchorIsValid = anchorIsValid;
    exports.anchorNames = anchorNames;
    exports.createNodeAnchors = createNodeAnchors;
    exports.findNewAnchor = findNewAnchor;
  }
});

// node_modules/yaml/dist/doc/applyReviver.js
var require_applyReviver = __commonJS({
  "node_modules/yaml/dist/doc/applyReviver.js"(exports) {
    "use strict";
    function applyReviver(reviver, obj, key, val) {
      if (val && typeof val === "object") {
        if (Array.isArray(val)) {
          for (let i = 0, len = val.length; i < len; ++i) {
            const v0 = val[i];
            const v1 = applyReviver(reviver, val, String(i), v0);
            if (v1 === void 0)
              delete val[i];
            else if (v1 !== v0)
              val[i] = v1;
          }
        } else if (val instanceof Map) {
          for (const k of Array.from(val.keys())) {
            const v0 = val.get(k);
            const v1 = applyReviver(reviver, val, k, v0);
            if (v1 === void 0)
              val.delete(k);
            else if (v1 !== v0)
              val.set(k, v1);
          }
        } else if (val instanceof Set) {
          for (const v0 of Array.from(val)) {
            const v1 = applyReviver(reviver, val, v0, v0);
            if (v1 === void 0)
              val.delete(v0);
            else if (v1 !== v0) {
              val.delete(v0);
              val.add(v1);
            }
          }
        } else {
          for (const [k, v0] of Object.entries(val)) {
            const v1 = applyReviver(reviver, val, k, v0);
            if (v1 === void 0)
              delete val[k];
            else if (v1 !== v0)
              val[k] = v1;
          }
        }
      }
      return reviver.call(obj, key, val);
    }
    exports.applyReviver = applyReviver;
  }
});

// node_modules/yaml/dist/nodes/toJS.js
var require_toJS = __commonJS({
  "node_modules/yaml/dist/nodes/toJS.js"(exports) {
    "use strict";
    var identity2 = require_identity();
    function toJS(value, arg, ctx) {
      if (Array.isArray(value))
        return value.map((v, i) => toJS(v, String(i), ctx));
      if (value && typeof value.toJSON === "function") {
        if (!ctx || !identity2.hasAnchor(value))
          return value.toJSON(arg, ctx);
        const data = { aliasCount: 0, count: 1, res: void 0 };
        ctx.anchors.set(value, data);
        ctx.onCreate = (res2) => {
          data.res = res2;
          delete ctx.onCreate;
        };
        const res = value.toJSON(arg, ctx);
        if (ctx.onCreate)
          ctx.onCreate(res);
        return res;
      }
      if (typeof value === "bigint" && !ctx?.keep)
        return Number(value);
      return value;
    }
    exports.toJS = toJS;
  }
});

// node_modules/yaml/dist/nodes/Node.js
var require_Node = __commonJS({
  "node_modules/yaml/dist/nodes/Node.js"(exports) {
    "use strict";
    var applyReviver = require_applyReviver();
    var identity2 = require_identity();
    var toJS = require_toJS();
    var NodeBase = class {
      constructor(type) {
        Object.defineProperty(this, identity2.NODE_TYPE, { value: type });
      }
      /** Create a copy of this node.  */
      clone() {
        const copy = Object.create(Object.getPrototypeOf(this), Object.getOwnPropertyDescriptors(this));
        if (this.range)
          copy.range = this.range.slice();
        return copy;
      }
      /** A plain JavaScript representation of this node. */
      toJS(doc, { mapAsMap, maxAliasCount, onAnchor, reviver } = {}) {
        if (!identity2.isDocument(doc))
          throw new TypeError("A document argument is required");
        const ctx = {
          anchors: /* @__PURE__ */ new Map(),
          doc,
          keep: true,
          mapAsMap: mapAsMap === true,
          mapKeyWarned: false,
          maxAliasCount: typeof maxAliasCount === "number" ? maxAliasCount : 100
        };
        const res = toJS.toJS(this, "", ctx);
        if (typeof onAnchor === "function")
          for (const { count, res: res2 } of ctx.anchors.values())
            onAnchor(res2, count);
        return typeof reviver === "function" ? applyReviver.applyReviver(reviver, { "": res }, "", res) : res;
      }
    };
    exports.NodeBase = NodeBase;
  }
});

// node_modules/yaml/dist/nodes/Alias.js
var require_Alias = __commonJS({
  "node_modules/yaml/dist/nodes/Alias.js"(exports) {
    "use strict";
    var anchors = require_anchors();
    var visit = require_visit();
    var identity2 = require_identity();
    var Node = require_Node();
    var toJS = require_toJS();
    var Alias = class extends Node.NodeBase {
      constructor(source) {
        super(identity2.ALIAS);
        this.source = source;
        Object.defineProperty(this, "tag", {
          set() {
            throw new Error("Alias nodes cannot have tags");
          }
        });
      }
      /**
       * Resolve the value of this alias within `doc`, finding the last
       * instance of the `source` anchor before this node.
       */
      resolve(doc, ctx) {
        if (ctx?.maxAliasCount === 0)
          throw new ReferenceError("Alias resolution is disabled");
        let nodes;
        if (ctx?.aliasResolveCache) {
          nodes = ctx.aliasResolveCache;
        } else {
          nodes = [];
          visit.visit(doc, {
            Node: (_key, node) => {
              if (identity2.isAlias(node) || identity2.hasAnchor(node))
                nodes.push(node);
            }
          });
          if (ctx)
            ctx.aliasResolveCache = nodes;
        }
        let found = void 0;
        for (const node of nodes) {
          if (node === this)
            break;
          if (node.anchor === this.source)
            found = node;
        }
        if (found && ctx) {
          const { anchors: anchors2, doc: doc2, maxAliasCount } = ctx;
          let data = anchors2.get(found);
          if (!data) {
            toJS.toJS(found, null, ctx);
            data = anchors2.get(found);
          }
          if (data?.res === void 0) {
            const msg2 = "This should not happen: Alias anchor was not resolved?";
            throw new ReferenceError(msg2);
          }
          if (maxAliasCount >= 0) {
            data.count += 1;
            if (data.aliasCount === 0)
              data.aliasCount = getAliasCount(doc2, found, anchors2);
            if (data.count * data.aliasCount > maxAliasCount) {
              const msg2 = "Excessive alias count indicates a resource exhaustion attack";
              throw new ReferenceError(msg2);
            }
          }
        }
        return found;
      }
      toJSON(_arg, ctx) {
        if (!ctx)
          return { source: this.source };
        const source = this.resolve(ctx.doc, ctx);
        if (!source) {
          const msg2 = `Unresolved alias (the anchor must be set before the alias): ${this.source}`;
          throw new ReferenceError(msg2);
        }
        return ctx.anchors.get(source).res;
      }
      toString(ctx, _onComment, _onChompKeep) {
        const src = `*${this.source}`;
        if (ctx) {
          anchors.anchorIsValid(this.source);
          if (ctx.options.verifyAliasOrder && !ctx.anchors.has(this.source)) {
            const msg2 = `Unresolved alias (the anchor must be set before the alias): ${this.source}`;
            throw new Error(msg2);
          }
          if (ctx.implicitKey)
            return `${src} `;
        }
        return src;
      }
    };
    function getAliasCount(doc, node, anchors2) {
      if (identity2.isAlias(node)) {
        const source = node.resolve(doc);
        const anchor = anchors2 && source && anchors2.get(source);
        return anchor ? anchor.count * anchor.aliasCount : 0;
      } else if (identity2.isCollection(node)) {
        let count = 0;
        for (const item of node.items) {
          const c = getAliasCount(doc, item, anchors2);
          if (c > count)
            count = c;
        }
        return count;
      } else if (identity2.isPair(node)) {
        const kc = getAliasCount(doc, node.key, anchors2);
        const vc = getAliasCount(doc, node.value, anchors2);
        return Math.max(kc, vc);
      }
      return 1;
    }
    exports.Alias = Alias;
  }
});

// node_modules/yaml/dist/nodes/Scalar.js
var require_Scalar = __commonJS({
  "node_modules/yaml/dist/nodes/Scalar.js"(exports) {
    "use strict";
    var identity2 = require_identity();
    var Node = require_Node();
    var toJS = require_toJS();
    var isScalarValue2 = (value) => !value || typeof value !== "function" && typeof value !== "object";
    var Scalar = class extends Node.NodeBase {
      constructor(value) {
        super(identity2.SCALAR);
        this.value = value;
      }
      toJSON(arg, ctx) {
        return ctx?.keep ? this.value : toJS.toJS(this.value, arg, ctx);
      }
      toString() {
        return String(this.value);
      }
    };
    Scalar.BLOCK_FOLDED = "BLOCK_FOLDED";
    Scalar.BLOCK_LITERAL = "BLOCK_LITERAL";
    Scalar.PLAIN = "PLAIN";
    Scalar.QUOTE_DOUBLE = "QUOTE_DOUBLE";
    Scalar.QUOTE_SINGLE = "QUOTE_SINGLE";
    exports.Scalar = Scalar;
    exports.isScalarValue = isScalarValue2;
  }
});

// node_modules/yaml/dist/doc/createNode.js
var require_createNode = __commonJS({
  "node_modules/yaml/dist/doc/createNode.js"(exports) {
    "use strict";
    var Alias = require_Alias();
    var identity2 = require_identity();
    var Scalar = require_Scalar();
    var defaultTagPrefix = "tag:yaml.org,2002:";
    function findTagObject(value, tagName, tags2) {
      if (tagName) {
        const match = tags2.filter((t2) => t2.tag === tagName);
        const tagObj = match.find((t2) => !t2.format) ?? match[0];
        if (!tagObj)
          throw new Error(`Tag ${tagName} not found`);
        return tagObj;
      }
      return tags2.find((t2) => t2.identify?.(value) && !t2.format);
    }
    function createNode(value, tagName, ctx) {
      if (identity2.isDocument(value))
        value = value.contents;
      if (identity2.isNode(value))
        return value;
      if (identity2.isPair(value)) {
        const map = ctx.schema[identity2.MAP].createNode?.(ctx.schema, null, ctx);
        map.items.push(value);
        return map;
      }
      if (value instanceof String || value instanceof Number || value instanceof Boolean || typeof BigInt !== "undefined" && value instanceof BigInt) {
        value = value.valueOf();
      }
      const { aliasDuplicateObjects, onAnchor, onTagObj, schema, sourceObjects } = ctx;
      let ref = void 0;
      if (aliasDuplicateObjects && value && typeof value === "object") {
        ref = sourceObjects.get(value);
        if (ref) {
          ref.anchor ?? (ref.anchor = onAnchor(value));
          return new Alias.Alias(ref.anchor);
        } else {
          ref = { anchor: null, node: null };
          sourceObjects.set(value, ref);
        }
      }
      if (tagName?.startsWith("!!"))
        tagName = defaultTagPrefix + tagName.slice(2);
      let tagObj = findTagObject(value, tagName, schema.tags);
      if (!tagObj) {
        if (value && typeof value.toJSON === "function") {
          value = value.toJSON();
        }
        if (!value || typeof value !== "object") {
          const node2 = new Scalar.Scalar(value);
          if (ref)
            ref.node = node2;
          return node2;
        }
        tagObj = value instanceof Map ? schema[identity2.MAP] : Symbol.iterator in Object(value) ? schema[identity2.SEQ] : schema[identity2.MAP];
      }
      if (onTagObj) {
        onTagObj(tagObj);
        delete ctx.onTagObj;
      }
      const node = tagObj?.createNode ? tagObj.createNode(ctx.schema, value, ctx) : typeof tagObj?.nodeClass?.from === "function" ? tagObj.nodeClass.from(ctx.schema, value, ctx) : new Scalar.Scalar(value);
      if (tagName)
        node.tag = tagName;
      else if (!tagObj.default)
        node.tag = tagObj.tag;
      if (ref)
        ref.node = node;
      return node;
    }
    exports.createNode = createNode;
  }
});

// node_modules/yaml/dist/nodes/Collection.js
var require_Collection = __commonJS({
  "node_modules/yaml/dist/nodes/Collection.js"(exports) {
    "use strict";
    var createNode = require_createNode();
    var identity2 = require_identity();
    var Node = require_Node();
    function collectionFromPath(schema, path, value) {
      let v = value;
      for (let i = path.length - 1; i >= 0; --i) {
        const k = path[i];
        if (typeof k === "number" && Number.isInteger(k) && k >= 0) {
          const a = [];
          a[k] = v;
          v = a;
        } else {
          v = /* @__PURE__ */ new Map([[k, v]]);
        }
      }
      return createNode.createNode(v, void 0, {
        aliasDuplicateObjects: false,
        keepUndefined: false,
        onAnchor: () => {
          throw new Error("This should not happen, please report a bug.");
        },
        schema,
        sourceObjects: /* @__PURE__ */ new Map()
      });
    }
    var isEmptyPath = (path) => path == null || typeof path === "object" && !!path[Symbol.iterator]().next().done;
    var Collection = class extends Node.NodeBase {
      constructor(type, schema) {
        super(type);
        Object.defineProperty(this, "schema", {
          value: schema,
          configurable: true,
          enumerable: false,
          writable: true
        });
      }
      /**
       * Create a copy of this collection.
       *
       * @param schema - If defined, overwrites the original's schema
       */
      clone(schema) {
        const copy = Object.create(Object.getPrototypeOf(this), Object.getOwnPropertyDescriptors(this));
        if (schema)
          copy.schema = schema;
        copy.items = copy.items.map((it) => identity2.isNode(it) || identity2.isPair(it) ? it.clone(schema) : it);
        if (this.range)
          copy.range = this.range.slice();
        return copy;
      }
      /**
       * Adds a value to the collection. For `!!map` and `!!omap` the value must
       * be a Pair instance or a `{ key, value }` object, which may not have a key
       * that already exists in the map.
       */
      addIn(path, value) {
        if (isEmptyPath(path))
          this.add(value);
        else {
          const [key, ...rest] = path;
          const node = this.get(key, true);
          if (identity2.isCollection(node))
            node.addIn(rest, value);
          else if (node === void 0 && this.schema)
            this.set(key, collectionFromPath(this.schema, rest, value));
          else
            throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
        }
      }
      /**
       * Removes a value from the collection.
       * @returns `true` if the item was found and removed.
       */
      deleteIn(path) {
        const [key, ...rest] = path;
        if (rest.length === 0)
          return this.delete(key);
        const node = this.get(key, true);
        if (identity2.isCollection(node))
          return node.deleteIn(rest);
        else
          throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
      }
      /**
       * Returns item at `key`, or `undefined` if not found. By default unwraps
       * scalar values from their surrounding node; to disable set `keepScalar` to
       * `true` (collections are always returned intact).
       */
      getIn(path, keepScalar) {
        const [key, ...rest] = path;
        const node = this.get(key, true);
        if (rest.length === 0)
          return !keepScalar && identity2.isScalar(node) ? node.value : node;
        else
          return identity2.isCollection(node) ? node.getIn(rest, keepScalar) : void 0;
      }
      hasAllNullValues(allowScalar) {
        return this.items.every((node) => {
          if (!identity2.isPair(node))
            return false;
          const n = node.value;
          return n == null || allowScalar && identity2.isScalar(n) && n.value == null && !n.commentBefore && !n.comment && !n.tag;
        });
      }
      /**
       * Checks if the collection includes a value with the key `key`.
       */
      hasIn(path) {
        const [key, ...rest] = path;
        if (rest.length === 0)
          return this.has(key);
        const node = this.get(key, true);
        return identity2.isCollection(node) ? node.hasIn(rest) : false;
      }
      /**
       * Sets a value in this collection. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       */
      setIn(path, value) {
        const [key, ...rest] = path;
        if (rest.length === 0) {
          this.set(key, value);
        } else {
          const node = this.get(key, true);
          if (identity2.isCollection(node))
            node.setIn(rest, value);
          else if (node === void 0 && this.schema)
            this.set(key, collectionFromPath(this.schema, rest, value));
          else
            throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
        }
      }
    };
    exports.Collection = Collection;
    exports.collectionFromPath = collectionFromPath;
    exports.isEmptyPath = isEmptyPath;
  }
});

// node_modules/yaml/dist/stringify/stringifyComment.js
var require_stringifyComment = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyComment.js"(exports) {
    "use strict";
    var stringifyComment = (str) => str.replace(/^(?!$)(?: $)?/gm, "#");
    function indentComment(comment2, indent2) {
      if (/^\n+$/.test(comment2))
        return comment2.substring(1);
      return indent2 ? comment2.replace(/^(?! *$)/gm, indent2) : comment2;
    }
    var lineComment = (str, indent2, comment2) => str.endsWith("\n") ? indentComment(comment2, indent2) : comment2.includes("\n") ? "\n" + indentComment(comment2, indent2) : (str.endsWith(" ") ? "" : " ") + comment2;
    exports.indentComment = indentComment;
    exports.lineComment = lineComment;
    exports.stringifyComment = stringifyComment;
  }
});

// node_modules/yaml/dist/stringify/foldFlowLines.js
var require_foldFlowLines = __commonJS({
  "node_modules/yaml/dist/stringify/foldFlowLines.js"(exports) {
    "use strict";
    var FOLD_FLOW = "flow";
    var FOLD_BLOCK = "block";
    var FOLD_QUOTED = "quoted";
    function foldFlowLines(text, indent2, mode = "flow", { indentAtStart, lineWidth = 80, minContentWidth = 20, onFold, onOverflow } = {}) {
      if (!lineWidth || lineWidth < 0)
        return text;
      if (lineWidth < minContentWidth)
        minContentWidth = 0;
      const endStep = Math.max(1 + minContentWidth, 1 + lineWidth - indent2.length);
      if (text.length <= endStep)
        return text;
      const folds = [];
      const escapedFolds = {};
      let end = lineWidth - indent2.length;
      if (typeof indentAtStart === "number") {
        if (indentAtStart > lineWidth - Math.max(2, minContentWidth))
          folds.push(0);
        else
          end = lineWidth - indentAtStart;
      }
      let split = void 0;
      let prev = void 0;
      let overflow = false;
      let i = -1;
      let escStart = -1;
      let escEnd = -1;
      if (mode === FOLD_BLOCK) {
        i = consumeMoreIndentedLines(text, i, indent2.length);
        if (i !== -1)
          end = i + endStep;
      }
      for (let ch; ch = text[i += 1]; ) {
        if (mode === FOLD_QUOTED && ch === "\\") {
          escStart = i;
          switch (text[i + 1]) {
            case "x":
              i += 3;
              break;
            case "u":
              i += 5;
              break;
            case "U":
              i += 9;
              break;
            default:
              i += 1;
          }
          escEnd = i;
        }
        if (ch === "\n") {
          if (mode === FOLD_BLOCK)
            i = consumeMoreIndentedLines(text, i, indent2.length);
          end = i + indent2.length + endStep;
          split = void 0;
        } else {
          if (ch === " " && prev && prev !== " " && prev !== "\n" && prev !== "	") {
            const next = text[i + 1];
            if (next && next !== " " && next !== "\n" && next !== "	")
              split = i;
          }
          if (i >= end) {
            if (split) {
              folds.push(split);
              end = split + endStep;
              split = void 0;
            } else if (mode === FOLD_QUOTED) {
              while (prev === " " || prev === "	") {
                prev = ch;
                ch = text[i += 1];
                overflow = true;
              }
              const j = i > escEnd + 1 ? i - 2 : escStart - 1;
              if (escapedFolds[j])
                return text;
              folds.push(j);
              escapedFolds[j] = true;
              end = j + endStep;
              split = void 0;
            } else {
              overflow = true;
            }
          }
        }
        prev = ch;
      }
      if (overflow && onOverflow)
        onOverflow();
      if (folds.length === 0)
        return text;
      if (onFold)
        onFold();
      let res = text.slice(0, folds[0]);
      for (let i2 = 0; i2 < folds.length; ++i2) {
        const fold = folds[i2];
        const end2 = folds[i2 + 1] || text.length;
        if (fold === 0)
          res = `
${indent2}${text.slice(0, end2)}`;
        else {
          if (mode === FOLD_QUOTED && escapedFolds[fold])
            res += `${text[fold]}\\`;
          res += `
${indent2}${text.slice(fold + 1, end2)}`;
        }
      }
      return res;
    }
    function consumeMoreIndentedLines(text, i, indent2) {
      let end = i;
      let start = i + 1;
      let ch = text[start];
      while (ch === " " || ch === "	") {
        if (i < start + indent2) {
          ch = text[++i];
        } else {
          do {
            ch = text[++i];
          } while (ch && ch !== "\n");
          end = i;
          start = i + 1;
          ch = text[start];
        }
      }
      return end;
    }
    exports.FOLD_BLOCK = FOLD_BLOCK;
    exports.FOLD_FLOW = FOLD_FLOW;
    exports.FOLD_QUOTED = FOLD_QUOTED;
    exports.foldFlowLines = foldFlowLines;
  }
});

// node_modules/yaml/dist/stringify/stringifyString.js
var require_stringifyString = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyString.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var foldFlowLines = require_foldFlowLines();
    var getFoldOptions = (ctx, isBlock) => ({
      indentAtStart: isBlock ? ctx.indent.length : ctx.indentAtStart,
      lineWidth: ctx.options.lineWidth,
      minContentWidth: ctx.options.minContentWidth
    });
    var containsDocumentMarker = (str) => /^(%|---|\.\.\.)/m.test(str);
    function lineLengthOverLimit(str, lineWidth, indentLength) {
      if (!lineWidth || lineWidth < 0)
        return false;
      const limit = lineWidth - indentLength;
      const strLen = str.length;
      if (strLen <= limit)
        return false;
      for (let i = 0, start = 0; i < strLen; ++i) {
        if (str[i] === "\n") {
          if (i - start > limit)
            return true;
          start = i + 1;
          if (strLen - start <= limit)
            return false;
        }
      }
      return true;
    }
    function doubleQuotedString(value, ctx) {
      const json = JSON.stringify(value);
      if (ctx.options.doubleQuotedAsJSON)
        return json;
      const { implicitKey } = ctx;
      const minMultiLineLength = ctx.options.doubleQuotedMinMultiLineLength;
      const indent2 = ctx.indent || (containsDocumentMarker(value) ? "  " : "");
      let str = "";
      let start = 0;
      for (let i = 0, ch = json[i]; ch; ch = json[++i]) {
        if (ch === " " && json[i + 1] === "\\" && json[i + 2] === "n") {
          str += json.slice(start, i) + "\\ ";
          i += 1;
          start = i;
          ch = "\\";
        }
        if (ch === "\\")
          switch (json[i + 1]) {
            case "u":
              {
                str += json.slice(start, i);
                const code2 = json.substr(i + 2, 4);
                switch (code2) {
                  case "0000":
                    str += "\\0";
                    break;
                  case "0007":
                    str += "\\a";
                    break;
                  case "000b":
                    str += "\\v";
                    break;
                  case "001b":
                    str += "\\e";
                    break;
                  case "0085":
                    str += "\\N";
                    break;
                  case "00a0":
                    str += "\\_";
                    break;
                  case "2028":
                    str += "\\L";
                    break;
                  case "2029":
                    str += "\\P";
                    break;
                  default:
                    if (code2.substr(0, 2) === "00")
                      str += "\\x" + code2.substr(2);
                    else
                      str += json.substr(i, 6);
                }
                i += 5;
                start = i + 1;
              }
              break;
            case "n":
              if (implicitKey || json[i + 2] === '"' || json.length < minMultiLineLength) {
                i += 1;
              } else {
                str += json.slice(start, i) + "\n\n";
                while (json[i + 2] === "\\" && json[i + 3] === "n" && json[i + 4] !== '"') {
                  str += "\n";
                  i += 2;
                }
                str += indent2;
                if (json[i + 2] === " ")
                  str += "\\";
                i += 1;
                start = i + 1;
              }
              break;
            default:
              i += 1;
          }
      }
      str = start ? str + json.slice(start) : json;
      return implicitKey ? str : foldFlowLines.foldFlowLines(str, indent2, foldFlowLines.FOLD_QUOTED, getFoldOptions(ctx, false));
    }
    function singleQuotedString(value, ctx) {
      if (ctx.options.singleQuote === false || ctx.implicitKey && value.includes("\n") || /[ \t]\n|\n[ \t]/.test(value))
        return doubleQuotedString(value, ctx);
      const indent2 = ctx.indent || (containsDocumentMarker(value) ? "  " : "");
      const res = "'" + value.replace(/'/g, "''").replace(/\n+/g, `$&
${indent2}`) + "'";
      return ctx.implicitKey ? res : foldFlowLines.foldFlowLines(res, indent2, foldFlowLines.FOLD_FLOW, getFoldOptions(ctx, false));
    }
    function quotedString(value, ctx) {
      const { singleQuote: singleQuote2 } = ctx.options;
      let qs;
      if (singleQuote2 === false)
        qs = doubleQuotedString;
      else {
        const hasDouble = value.includes('"');
        const hasSingle = value.includes("'");
        if (hasDouble && !hasSingle)
          qs = singleQuotedString;
        else if (hasSingle && !hasDouble)
          qs = doubleQuotedString;
        else
          qs = singleQuote2 ? singleQuotedString : doubleQuotedString;
      }
      return qs(value, ctx);
    }
    var blockEndNewlines;
    try {
      blockEndNewlines = new RegExp("(^|(?<!\n))\n+(?!\n|$)", "g");
    } catch {
      blockEndNewlines = /\n+(?!\n|$)/g;
    }
    function blockString({ comment: comment2, type, value }, ctx, onComment, onChompKeep) {
      const { blockQuote, commentString, lineWidth } = ctx.options;
      if (!blockQuote || /\n[\t ]+$/.test(value)) {
        return quotedString(value, ctx);
      }
      const indent2 = ctx.indent || (ctx.forceBlockIndent || containsDocumentMarker(value) ? "  " : "");
      const literal2 = blockQuote === "literal" ? true : blockQuote === "folded" || type === Scalar.Scalar.BLOCK_FOLDED ? false : type === Scalar.Scalar.BLOCK_LITERAL ? true : !lineLengthOverLimit(value, lineWidth, indent2.length);
      if (!value)
        return literal2 ? "|\n" : ">\n";
      let chomp;
      let endStart;
      for (endStart = value.length; endStart > 0; --endStart) {
        const ch = value[endStart - 1];
        if (ch !== "\n" && ch !== "	" && ch !== " ")
          break;
      }
      let end = value.substring(endStart);
      const endNlPos = end.indexOf("\n");
      if (endNlPos === -1) {
        chomp = "-";
      } else if (value === end || endNlPos !== end.length - 1) {
        chomp = "+";
        if (onChompKeep)
          onChompKeep();
      } else {
        chomp = "";
      }
      if (end) {
        value = value.slice(0, -end.length);
        if (end[end.length - 1] === "\n")
          end = end.slice(0, -1);
        end = end.replace(blockEndNewlines, `$&${indent2}`);
      }
      let startWithSpace = false;
      let startEnd;
      let startNlPos = -1;
      for (startEnd = 0; startEnd < value.length; ++startEnd) {
        const ch = value[startEnd];
        if (ch === " ")
          startWithSpace = true;
        else if (ch === "\n")
          startNlPos = startEnd;
        else
          break;
      }
      let start = value.substring(0, startNlPos < startEnd ? startNlPos + 1 : startEnd);
      if (start) {
        value = value.substring(start.length);
        start = start.replace(/\n+/g, `$&${indent2}`);
      }
      const indentSize = indent2 ? "2" : "1";
      let header = (startWithSpace ? indentSize : "") + chomp;
      if (comment2) {
        header += " " + commentString(comment2.replace(/ ?[\r\n]+/g, " "));
        if (onComment)
          onComment();
      }
      if (!literal2) {
        const foldedValue = value.replace(/\n+/g, "\n$&").replace(/(?:^|\n)([\t ].*)(?:([\n\t ]*)\n(?![\n\t ]))?/g, "$1$2").replace(/\n+/g, `$&${indent2}`);
        let literalFallback = false;
        const foldOptions = getFoldOptions(ctx, true);
        if (blockQuote !== "folded" && type !== Scalar.Scalar.BLOCK_FOLDED) {
          foldOptions.onOverflow = () => {
            literalFallback = true;
          };
        }
        const body = foldFlowLines.foldFlowLines(`${start}${foldedValue}${end}`, indent2, foldFlowLines.FOLD_BLOCK, foldOptions);
        if (!literalFallback)
          return `>${header}
${indent2}${body}`;
      }
      value = value.replace(/\n+/g, `$&${indent2}`);
      return `|${header}
${indent2}${start}${value}${end}`;
    }
    function plainString(item, ctx, onComment, onChompKeep) {
      const { type, value } = item;
      const { actualString, implicitKey, indent: indent2, indentStep, inFlow } = ctx;
      if (implicitKey && value.includes("\n") || inFlow && /[[\]{},]/.test(value)) {
        return quotedString(value, ctx);
      }
      if (/^[\n\t ,[\]{}#&*!|>'"%@`]|^[?-]$|^[?-][ \t]|[\n:][ \t]|[ \t]\n|[\n\t ]#|[\n\t :]$/.test(value)) {
        return implicitKey || inFlow || !value.includes("\n") ? quotedString(value, ctx) : blockString(item, ctx, onComment, onChompKeep);
      }
      if (!implicitKey && !inFlow && type !== Scalar.Scalar.PLAIN && value.includes("\n")) {
        return blockString(item, ctx, onComment, onChompKeep);
      }
      if (containsDocumentMarker(value)) {
        if (indent2 === "") {
          ctx.forceBlockIndent = true;
          return blockString(item, ctx, onComment, onChompKeep);
        } else if (implicitKey && indent2 === indentStep) {
          return quotedString(value, ctx);
        }
      }
      const str = value.replace(/\n+/g, `$&
${indent2}`);
      if (actualString) {
        const test = (tag) => tag.default && tag.tag !== "tag:yaml.org,2002:str" && tag.test?.test(str);
        const { compat, tags: tags2 } = ctx.doc.schema;
        if (tags2.some(test) || compat?.some(test))
          return quotedString(value, ctx);
      }
      return implicitKey ? str : foldFlowLines.foldFlowLines(str, indent2, foldFlowLines.FOLD_FLOW, getFoldOptions(ctx, false));
    }
    function stringifyString(item, ctx, onComment, onChompKeep) {
      const { implicitKey, inFlow } = ctx;
      const ss = typeof item.value === "string" ? item : Object.assign({}, item, { value: String(item.value) });
      let { type } = item;
      if (type !== Scalar.Scalar.QUOTE_DOUBLE) {
        if (/[\x00-\x08\x0b-\x1f\x7f-\x9f\u{D800}-\u{DFFF}]/u.test(ss.value))
          type = Scalar.Scalar.QUOTE_DOUBLE;
      }
      const _stringify = (_type) => {
        switch (_type) {
          case Scalar.Scalar.BLOCK_FOLDED:
          case Scalar.Scalar.BLOCK_LITERAL:
            return implicitKey || inFlow ? quotedString(ss.value, ctx) : blockString(ss, ctx, onComment, onChompKeep);
          case Scalar.Scalar.QUOTE_DOUBLE:
            return doubleQuotedString(ss.value, ctx);
          case Scalar.Scalar.QUOTE_SINGLE:
            return singleQuotedString(ss.value, ctx);
          case Scalar.Scalar.PLAIN:
            return plainString(ss, ctx, onComment, onChompKeep);
          default:
            return null;
        }
      };
      let res = _stringify(type);
      if (res === null) {
        const { defaultKeyType, defaultStringType } = ctx.options;
        const t2 = implicitKey && defaultKeyType || defaultStringType;
        res = _stringify(t2);
        if (res === null)
          throw new Error(`Unsupported default string type ${t2}`);
      }
      return res;
    }
    exports.stringifyString = stringifyString;
  }
});

// node_modules/yaml/dist/stringify/stringify.js
var require_stringify = __commonJS({
  "node_modules/yaml/dist/stringify/stringify.js"(exports) {
    "use strict";
    var anchors = require_anchors();
    var identity2 = require_identity();
    var stringifyComment = require_stringifyComment();
    var stringifyString = require_stringifyString();
    function createStringifyContext(doc, options) {
      const opt = Object.assign({
        blockQuote: true,
        commentString: stringifyComment.stringifyComment,
        defaultKeyType: null,
        defaultStringType: "PLAIN",
        directives: null,
        doubleQuotedAsJSON: false,
        doubleQuotedMinMultiLineLength: 40,
        falseStr: "false",
        flowCollectionPadding: true,
        indentSeq: true,
        lineWidth: 80,
        minContentWidth: 20,
        nullStr: "null",
        simpleKeys: false,
        singleQuote: null,
        trailingComma: false,
        trueStr: "true",
        verifyAliasOrder: true
      }, doc.schema.toStringOptions, options);
      let inFlow;
      switch (opt.collectionStyle) {
        case "block":
          inFlow = false;
          break;
        case "flow":
          inFlow = true;
          break;
        default:
          inFlow = null;
      }
      return {
        anchors: /* @__PURE__ */ new Set(),
        doc,
        flowCollectionPadding: opt.flowCollectionPadding ? " " : "",
        indent: "",
        indentStep: typeof opt.indent === "number" ? " ".repeat(opt.indent) : "  ",
        inFlow,
        options: opt
      };
    }
    function getTagObject(tags2, item) {
      if (item.tag) {
        const match = tags2.filter((t2) => t2.tag === item.tag);
        if (match.length > 0)
          return match.find((t2) => t2.format === item.format) ?? match[0];
      }
      let tagObj = void 0;
      let obj;
      if (identity2.isScalar(item)) {
        obj = item.value;
        let match = tags2.filter((t2) => t2.identify?.(obj));
        if (match.length > 1) {
          const testMatch = match.filter((t2) => t2.test);
          if (testMatch.length > 0)
            match = testMatch;
        }
        tagObj = match.find((t2) => t2.format === item.format) ?? match.find((t2) => !t2.format);
      } else {
        obj = item;
        tagObj = tags2.find((t2) => t2.nodeClass && obj instanceof t2.nodeClass);
      }
      if (!tagObj) {
        const name2 = obj?.constructor?.name ?? (obj === null ? "null" : typeof obj);
        throw new Error(`Tag not resolved for ${name2} value`);
      }
      return tagObj;
    }
    function stringifyProps(node, tagObj, { anchors: anchors$1, doc }) {
      if (!doc.directives)
        return "";
      const props = [];
      const anchor = (identity2.isScalar(node) || identity2.isCollection(node)) && node.anchor;
      if (anchor && anchors.anchorIsValid(anchor)) {
        anchors$1.add(anchor);
        props.push(`&${anchor}`);
      }
      const tag = node.tag ?? (tagObj.default ? null : tagObj.tag);
      if (tag)
        props.push(doc.directives.tagString(tag));
      return props.join(" ");
    }
    function stringify(item, ctx, onComment, onChompKeep) {
      if (identity2.isPair(item))
        return item.toString(ctx, onComment, onChompKeep);
      if (identity2.isAlias(item)) {
        if (ctx.doc.directives)
          return item.toString(ctx);
        if (ctx.resolvedAliases?.has(item)) {
          throw new TypeError(`Cannot stringify circular structure without alias nodes`);
        } else {
          if (ctx.resolvedAliases)
            ctx.resolvedAliases.add(item);
          else
            ctx.resolvedAliases = /* @__PURE__ */ new Set([item]);
          item = item.resolve(ctx.doc);
        }
      }
      let tagObj = void 0;
      const node = identity2.isNode(item) ? item : ctx.doc.createNode(item, { onTagObj: (o) => tagObj = o });
      tagObj ?? (tagObj = getTagObject(ctx.doc.schema.tags, node));
      const props = stringifyProps(node, tagObj, ctx);
      if (props.length > 0)
        ctx.indentAtStart = (ctx.indentAtStart ?? 0) + props.length + 1;
      const str = typeof tagObj.stringify === "function" ? tagObj.stringify(node, ctx, onComment, onChompKeep) : identity2.isScalar(node) ? stringifyString.stringifyString(node, ctx, onComment, onChompKeep) : node.toString(ctx, onComment, onChompKeep);
      if (!props)
        return str;
      return identity2.isScalar(node) || str[0] === "{" || str[0] === "[" ? `${props} ${str}` : `${props}
${ctx.indent}${str}`;
    }
    exports.createStringifyContext = createStringifyContext;
    exports.stringify = stringify;
  }
});

// node_modules/yaml/dist/stringify/stringifyPair.js
var require_stringifyPair = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyPair.js"(exports) {
    "use strict";
    var identity2 = require_identity();
    var Scalar = require_Scalar();
    var stringify = require_stringify();
    var stringifyComment = require_stringifyComment();
    function stringifyPair({ key, value }, ctx, onComment, onChompKeep) {
      const { allNullValues, doc, indent: indent2, indentStep, options: { commentString, indentSeq, simpleKeys } } = ctx;
      let keyComment = identity2.isNode(key) && key.comment || null;
      if (simpleKeys) {
        if (keyComment) {
          throw new Error("With simple keys, key nodes cannot have comments");
        }
        if (identity2.isCollection(key) || !identity2.isNode(key) && typeof key === "object") {
          const msg2 = "With simple keys, collection cannot be used as a key value";
          throw new Error(msg2);
        }
      }
      let explicitKey = !simpleKeys && (!key || keyComment && value == null && !ctx.inFlow || identity2.isCollection(key) || (identity2.isScalar(key) ? key.type === Scalar.Scalar.BLOCK_FOLDED || key.type === Scalar.Scalar.BLOCK_LITERAL : typeof key === "object"));
      ctx = Object.assign({}, ctx, {
        allNullValues: false,
        implicitKey: !explicitKey && (simpleKeys || !allNullValues),
        indent: indent2 + indentStep
      });
      let keyCommentDone = false;
      let chompKeep = false;
      let str = stringify.stringify(key, ctx, () => keyCommentDone = true, () => chompKeep = true);
      if (!explicitKey && !ctx.inFlow && str.length > 1024) {
        if (simpleKeys)
          throw new Error("With simple keys, single line scalar must not span more than 1024 characters");
        explicitKey = true;
      }
      if (ctx.inFlow) {
        if (allNullValues || value == null) {
          if (keyCommentDone && onComment)
            onComment();
          return str === "" ? "?" : explicitKey ? `? ${str}` : str;
        }
      } else if (allNullValues && !simpleKeys || value == null && explicitKey) {
        str = `? ${str}`;
        if (keyComment && !keyCommentDone) {
          str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
        } else if (chompKeep && onChompKeep)
          onChompKeep();
        return str;
      }
      if (keyCommentDone)
        keyComment = null;
      if (explicitKey) {
        if (keyComment)
          str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
        str = `? ${str}
${indent2}:`;
      } else {
        str = `${str}:`;
        if (keyComment)
          str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
      }
      let vsb, vcb, valueComment;
      if (identity2.isNode(value)) {
        vsb = !!value.spaceBefore;
        vcb = value.commentBefore;
        valueComment = value.comment;
      } else {
        vsb = false;
        vcb = null;
        valueComment = null;
        if (value && typeof value === "object")
          value = doc.createNode(value);
      }
      ctx.implicitKey = false;
      if (!explicitKey && !keyComment && identity2.isScalar(value))
        ctx.indentAtStart = str.length + 1;
      chompKeep = false;
      if (!indentSeq && indentStep.length >= 2 && !ctx.inFlow && !explicitKey && identity2.isSeq(value) && !value.flow && !value.tag && !value.anchor) {
        ctx.indent = ctx.indent.substring(2);
      }
      let valueCommentDone = false;
      const valueStr = stringify.stringify(value, ctx, () => valueCommentDone = true, () => chompKeep = true);
      let ws = " ";
      if (keyComment || vsb || vcb) {
        ws = vsb ? "\n" : "";
        if (vcb) {
          const cs = commentString(vcb);
          ws += `
${stringifyComment.indentComment(cs, ctx.indent)}`;
        }
        if (valueStr === "" && !ctx.inFlow) {
          if (ws === "\n" && valueComment)
            ws = "\n\n";
        } else {
          ws += `
${ctx.indent}`;
        }
      } else if (!explicitKey && identity2.isCollection(value)) {
        const vs0 = valueStr[0];
        const nl0 = valueStr.indexOf("\n");
        const hasNewline = nl0 !== -1;
        const flow = ctx.inFlow ?? value.flow ?? value.items.length === 0;
        if (hasNewline || !flow) {
          let hasPropsLine = false;
          if (hasNewline && (vs0 === "&" || vs0 === "!")) {
            let sp0 = valueStr.indexOf(" ");
            if (vs0 === "&" && sp0 !== -1 && sp0 < nl0 && valueStr[sp0 + 1] === "!") {
              sp0 = valueStr.indexOf(" ", sp0 + 1);
            }
            if (sp0 === -1 || nl0 < sp0)
              hasPropsLine = true;
          }
          if (!hasPropsLine)
            ws = `
${ctx.indent}`;
        }
      } else if (valueStr === "" || valueStr[0] === "\n") {
        ws = "";
      }
      str += ws + valueStr;
      if (ctx.inFlow) {
        if (valueCommentDone && onComment)
          onComment();
      } else if (valueComment && !valueCommentDone) {
        str += stringifyComment.lineComment(str, ctx.indent, commentString(valueComment));
      } else if (chompKeep && onChompKeep) {
        onChompKeep();
      }
      return str;
    }
    exports.stringifyPair = stringifyPair;
  }
});

// node_modules/yaml/dist/log.js
var require_log = __commonJS({
  "node_modules/yaml/dist/log.js"(exports) {
    "use strict";
    var node_process = __require("process");
    function debug(logLevel, ...messages) {
      if (logLevel === "debug")
        console.log(...messages);
    }
    function warn(logLevel, warning) {
      if (logLevel === "debug" || logLevel === "warn") {
        if (typeof node_process.emitWarning === "function")
          node_process.emitWarning(warning);
        else
          console.warn(warning);
      }
    }
    exports.debug = debug;
    exports.warn = warn;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/merge.js
var require_merge = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/merge.js"(exports) {
    "use strict";
    var identity2 = require_identity();
    var Scalar = require_Scalar();
    var MERGE_KEY = "<<";
    var merge2 = {
      identify: (value) => value === MERGE_KEY || typeof value === "symbol" && value.description === MERGE_KEY,
      default: "key",
      tag: "tag:yaml.org,2002:merge",
      test: /^<<$/,
      resolve: () => Object.assign(new Scalar.Scalar(Symbol(MERGE_KEY)), {
        addToJSMap: addMergeToJSMap
      }),
      stringify: () => MERGE_KEY
    };
    var isMergeKey = (ctx, key) => (merge2.identify(key) || identity2.isScalar(key) && (!key.type || key.type === Scalar.Scalar.PLAIN) && merge2.identify(key.value)) && ctx?.doc.schema.tags.some((tag) => tag.tag === merge2.tag && tag.default);
    function addMergeToJSMap(ctx, map, value) {
      const source = resolveAliasValue(ctx, value);
      if (identity2.isSeq(source))
        for (const it of source.items)
          mergeValue2(ctx, map, it);
      else if (Array.isArray(source))
        for (const it of source)
          mergeValue2(ctx, map, it);
      else
        mergeValue2(ctx, map, source);
    }
    function mergeValue2(ctx, map, value) {
      const source = resolveAliasValue(ctx, value);
      if (!identity2.isMap(source))
        throw new Error("Merge sources must be maps or map aliases");
      const srcMap = source.toJSON(null, ctx, Map);
      for (const [key, value2] of srcMap) {
        if (map instanceof Map) {
          if (!map.has(key))
            map.set(key, value2);
        } else if (map instanceof Set) {
          map.add(key);
        } else if (!Object.prototype.hasOwnProperty.call(map, key)) {
          Object.defineProperty(map, key, {
            value: value2,
            writable: true,
            enumerable: true,
            configurable: true
          });
        }
      }
      return map;
    }
    function resolveAliasValue(ctx, value) {
      return ctx && identity2.isAlias(value) ? value.resolve(ctx.doc, ctx) : value;
    }
    exports.addMergeToJSMap = addMergeToJSMap;
    exports.isMergeKey = isMergeKey;
    exports.merge = merge2;
  }
});

// node_modules/yaml/dist/nodes/addPairToJSMap.js
var require_addPairToJSMap = __commonJS({
  "node_modules/yaml/dist/nodes/addPairToJSMap.js"(exports) {
    "use strict";
    var log = require_log();
    var merge2 = require_merge();
    var stringify = require_stringify();
    var identity2 = require_identity();
    var toJS = require_toJS();
    function addPairToJSMap(ctx, map, { key, value }) {
      if (identity2.isNode(key) && key.addToJSMap)
        key.addToJSMap(ctx, map, value);
      else if (merge2.isMergeKey(ctx, key))
        merge2.addMergeToJSMap(ctx, map, value);
      else {
        const jsKey = toJS.toJS(key, "", ctx);
        if (map instanceof Map) {
          map.set(jsKey, toJS.toJS(value, jsKey, ctx));
        } else if (map instanceof Set) {
          map.add(jsKey);
        } else {
          const stringKey = stringifyKey(key, jsKey, ctx);
          const jsValue = toJS.toJS(value, stringKey, ctx);
          if (stringKey in map)
            Object.defineProperty(map, stringKey, {
              value: jsValue,
              writable: true,
              enumerable: true,
              configurable: true
            });
          else
            map[stringKey] = jsValue;
        }
      }
      return map;
    }
    function stringifyKey(key, jsKey, ctx) {
      if (jsKey === null)
        return "";
      if (typeof jsKey !== "object")
        return String(jsKey);
      if (identity2.isNode(key) && ctx?.doc) {
        const strCtx = stringify.createStringifyContext(ctx.doc, {});
        strCtx.anchors = /* @__PURE__ */ new Set();
        for (const node of ctx.anchors.keys())
          strCtx.anchors.add(node.anchor);
        strCtx.inFlow = true;
        strCtx.inStringifyKey = true;
        const strKey = key.toString(strCtx);
        if (!ctx.mapKeyWarned) {
          let jsonStr = JSON.stringify(strKey);
          if (jsonStr.length > 40)
            jsonStr = jsonStr.substring(0, 36) + '..."';
          log.warn(ctx.doc.options.logLevel, `Keys with collection values will be stringified due to JS Object restrictions: ${jsonStr}. Set mapAsMap: true to use object keys.`);
          ctx.mapKeyWarned = true;
        }
        return strKey;
      }
      return JSON.stringify(jsKey);
    }
    exports.addPairToJSMap = addPairToJSMap;
  }
});

// node_modules/yaml/dist/nodes/Pair.js
var require_Pair = __commonJS({
  "node_modules/yaml/dist/nodes/Pair.js"(exports) {
    "use strict";
    var createNode = require_createNode();
    var stringifyPair = require_stringifyPair();
    var addPairToJSMap = require_addPairToJSMap();
    var identity2 = require_identity();
    function createPair(key, value, ctx) {
      const k = createNode.createNode(key, void 0, ctx);
      const v = createNode.createNode(value, void 0, ctx);
      return new Pair(k, v);
    }
    var Pair = class _Pair {
      constructor(key, value = null) {
        Object.defineProperty(this, identity2.NODE_TYPE, { value: identity2.PAIR });
        this.key = key;
        this.value = value;
      }
      clone(schema) {
        let { key, value } = this;
        if (identity2.isNode(key))
          key = key.clone(schema);
        if (identity2.isNode(value))
          value = value.clone(schema);
        return new _Pair(key, value);
      }
      toJSON(_, ctx) {
        const pair2 = ctx?.mapAsMap ? /* @__PURE__ */ new Map() : {};
        return addPairToJSMap.addPairToJSMap(ctx, pair2, this);
      }
      toString(ctx, onComment, onChompKeep) {
        return ctx?.doc ? stringifyPair.stringifyPair(this, ctx, onComment, onChompKeep) : JSON.stringify(this);
      }
    };
    exports.Pair = Pair;
    exports.createPair = createPair;
  }
});

// node_modules/yaml/dist/stringify/stringifyCollection.js
var require_stringifyCollection = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyCollection.js"(exports) {
    "use strict";
    var identity2 = require_identity();
    var stringify = require_stringify();
    var stringifyComment = require_stringifyComment();
    function stringifyCollection(collection, ctx, options) {
      const flow = ctx.inFlow ?? collection.flow;
      const stringify2 = flow ? stringifyFlowCollection : stringifyBlockCollection;
      return stringify2(collection, ctx, options);
    }
    function stringifyBlockCollection({ comment: comment2, items }, ctx, { blockItemPrefix, flowChars, itemIndent, onChompKeep, onComment }) {
      const { indent: indent2, options: { commentString } } = ctx;
      const itemCtx = Object.assign({}, ctx, { indent: itemIndent, type: null });
      let chompKeep = false;
      const lines = [];
      for (let i = 0; i < items.length; ++i) {
        const item = items[i];
        let comment3 = null;
        if (identity2.isNode(item)) {
          if (!chompKeep && item.spaceBefore)
            lines.push("");
          addCommentBefore(ctx, lines, item.commentBefore, chompKeep);
          if (item.comment)
            comment3 = item.comment;
        } else if (identity2.isPair(item)) {
          const ik = identity2.isNode(item.key) ? item.key : null;
          if (ik) {
            if (!chompKeep && ik.spaceBefore)
              lines.push("");
            addCommentBefore(ctx, lines, ik.commentBefore, chompKeep);
          }
        }
        chompKeep = false;
        let str2 = stringify.stringify(item, itemCtx, () => comment3 = null, () => chompKeep = true);
        if (comment3)
          str2 += stringifyComment.lineComment(str2, itemIndent, commentString(comment3));
        if (chompKeep && comment3)
          chompKeep = false;
        lines.push(blockItemPrefix + str2);
      }
      let str;
      if (lines.length === 0) {
        str = flowChars.start + flowChars.end;
      } else {
        str = lines[0];
        for (let i = 1; i < lines.length; ++i) {
          const line = lines[i];
          str += line ? `
${indent2}${line}` : "\n";
        }
      }
      if (comment2) {
        str += "\n" + stringifyComment.indentComment(commentString(comment2), indent2);
        if (onComment)
          onComment();
      } else if (chompKeep && onChompKeep)
        onChompKeep();
      return str;
    }
    function stringifyFlowCollection({ items }, ctx, { flowChars, itemIndent }) {
      const { indent: indent2, indentStep, flowCollectionPadding: fcPadding, options: { commentString } } = ctx;
      itemIndent += indentStep;
      const itemCtx = Object.assign({}, ctx, {
        indent: itemIndent,
        inFlow: true,
        type: null
      });
      let reqNewline = false;
      let linesAtValue = 0;
      const lines = [];
      for (let i = 0; i < items.length; ++i) {
        const item = items[i];
        let comment2 = null;
        if (identity2.isNode(item)) {
          if (item.spaceBefore)
            lines.push("");
          addCommentBefore(ctx, lines, item.commentBefore, false);
          if (item.comment)
            comment2 = item.comment;
        } else if (identity2.isPair(item)) {
          const ik = identity2.isNode(item.key) ? item.key : null;
          if (ik) {
            if (ik.spaceBefore)
              lines.push("");
            addCommentBefore(ctx, lines, ik.commentBefore, false);
            if (ik.comment)
              reqNewline = true;
          }
          const iv = identity2.isNode(item.value) ? item.value : null;
          if (iv) {
            if (iv.comment)
              comment2 = iv.comment;
            if (iv.commentBefore)
              reqNewline = true;
          } else if (item.value == null && ik?.comment) {
            comment2 = ik.comment;
          }
        }
        if (comment2)
          reqNewline = true;
        let str = stringify.stringify(item, itemCtx, () => comment2 = null);
        reqNewline || (reqNewline = lines.length > linesAtValue || str.includes("\n"));
        if (i < items.length - 1) {
          str += ",";
        } else if (ctx.options.trailingComma) {
          if (ctx.options.lineWidth > 0) {
            reqNewline || (reqNewline = lines.reduce((sum, line) => sum + line.length + 2, 2) + (str.length + 2) > ctx.options.lineWidth);
          }
          if (reqNewline) {
            str += ",";
          }
        }
        if (comment2)
          str += stringifyComment.lineComment(str, itemIndent, commentString(comment2));
        lines.push(str);
        linesAtValue = lines.length;
      }
      const { start, end } = flowChars;
      if (lines.length === 0) {
        return start + end;
      } else {
        if (!reqNewline) {
          const len = lines.reduce((sum, line) => sum + line.length + 2, 2);
          reqNewline = ctx.options.lineWidth > 0 && len > ctx.options.lineWidth;
        }
        if (reqNewline) {
          let str = start;
          for (const line of lines)
            str += line ? `
${indentStep}${indent2}${line}` : "\n";
          return `${str}
${indent2}${end}`;
        } else {
          return `${start}${fcPadding}${lines.join(" ")}${fcPadding}${end}`;
        }
      }
    }
    function addCommentBefore({ indent: indent2, options: { commentString } }, lines, comment2, chompKeep) {
      if (comment2 && chompKeep)
        comment2 = comment2.replace(/^\n+/, "");
      if (comment2) {
        const ic = stringifyComment.indentComment(commentString(comment2), indent2);
        lines.push(ic.trimStart());
      }
    }
    exports.stringifyCollection = stringifyCollection;
  }
});

// node_modules/yaml/dist/nodes/YAMLMap.js
var require_YAMLMap = __commonJS({
  "node_modules/yaml/dist/nodes/YAMLMap.js"(exports) {
    "use strict";
    var stringifyCollection = require_stringifyCollection();
    var addPairToJSMap = require_addPairToJSMap();
    var Collection = require_Collection();
    var identity2 = require_identity();
    var Pair = require_Pair();
    var Scalar = require_Scalar();
    function findPair(items, key) {
      const k = identity2.isScalar(key) ? key.value : key;
      for (const it of items) {
        if (identity2.isPair(it)) {
          if (it.key === key || it.key === k)
            return it;
          if (identity2.isScalar(it.key) && it.key.value === k)
            return it;
        }
      }
      return void 0;
    }
    var YAMLMap = class extends Collection.Collection {
      static get tagName() {
        return "tag:yaml.org,2002:map";
      }
      constructor(schema) {
        super(identity2.MAP, schema);
        this.items = [];
      }
      /**
       * A generic collection parsing method that can be extended
       * to other node classes that inherit from YAMLMap
       */
      static from(schema, obj, ctx) {
        const { keepUndefined, replacer } = ctx;
        const map = new this(schema);
        const add2 = (key, value) => {
          if (typeof replacer === "function")
            value = replacer.call(obj, key, value);
          else if (Array.isArray(replacer) && !replacer.includes(key))
            return;
          if (value !== void 0 || keepUndefined)
            map.items.push(Pair.createPair(key, value, ctx));
        };
        if (obj instanceof Map) {
          for (const [key, value] of obj)
            add2(key, value);
        } else if (obj && typeof obj === "object") {
          for (const key of Object.keys(obj))
            add2(key, obj[key]);
        }
        if (typeof schema.sortMapEntries === "function") {
          map.items.sort(schema.sortMapEntries);
        }
        return map;
      }
      /**
       * Adds a value to the collection.
       *
       * @param overwrite - If not set `true`, using a key that is already in the
       *   collection will throw. Otherwise, overwrites the previous value.
       */
      add(pair2, overwrite) {
        let _pair;
        if (identity2.isPair(pair2))
          _pair = pair2;
        else if (!pair2 || typeof pair2 !== "object" || !("key" in pair2)) {
          _pair = new Pair.Pair(pair2, pair2?.value);
        } else
          _pair = new Pair.Pair(pair2.key, pair2.value);
        const prev = findPair(this.items, _pair.key);
        const sortEntries = this.schema?.sortMapEntries;
        if (prev) {
          if (!overwrite)
            throw new Error(`Key ${_pair.key} already set`);
          if (identity2.isScalar(prev.value) && Scalar.isScalarValue(_pair.value))
            prev.value.value = _pair.value;
          else
            prev.value = _pair.value;
        } else if (sortEntries) {
          const i = this.items.findIndex((item) => sortEntries(_pair, item) < 0);
          if (i === -1)
            this.items.push(_pair);
          else
            this.items.splice(i, 0, _pair);
        } else {
          this.items.push(_pair);
        }
      }
      delete(key) {
        const it = findPair(this.items, key);
        if (!it)
          return false;
        const del = this.items.splice(this.items.indexOf(it), 1);
        return del.length > 0;
      }
      get(key, keepScalar) {
        const it = findPair(this.items, key);
        const node = it?.value;
        return (!keepScalar && identity2.isScalar(node) ? node.value : node) ?? void 0;
      }
      has(key) {
        return !!findPair(this.items, key);
      }
      set(key, value) {
        this.add(new Pair.Pair(key, value), true);
      }
      /**
       * @param ctx - Conversion context, originally set in Document#toJS()
       * @param {Class} Type - If set, forces the returned collection type
       * @returns Instance of Type, Map, or Object
       */
      toJSON(_, ctx, Type) {
        const map = Type ? new Type() : ctx?.mapAsMap ? /* @__PURE__ */ new Map() : {};
        if (ctx?.onCreate)
          ctx.onCreate(map);
        for (const item of this.items)
          addPairToJSMap.addPairToJSMap(ctx, map, item);
        return map;
      }
      toString(ctx, onComment, onChompKeep) {
        if (!ctx)
          return JSON.stringify(this);
        for (const item of this.items) {
          if (!identity2.isPair(item))
            throw new Error(`Map items must all be pairs; found ${JSON.stringify(item)} instead`);
        }
        if (!ctx.allNullValues && this.hasAllNullValues(false))
          ctx = Object.assign({}, ctx, { allNullValues: true });
        return stringifyCollection.stringifyCollection(this, ctx, {
          blockItemPrefix: "",
          flowChars: { start: "{", end: "}" },
          itemIndent: ctx.indent || "",
          onChompKeep,
          onComment
        });
      }
    };
    exports.YAMLMap = YAMLMap;
    exports.findPair = findPair;
  }
});

// node_modules/yaml/dist/schema/common/map.js
var require_map = __commonJS({
  "node_modules/yaml/dist/schema/common/map.js"(exports) {
    "use strict";
    var identity2 = require_identity();
    var YAMLMap = require_YAMLMap();
    var map = {
      collection: "map",
      default: true,
      nodeClass: YAMLMap.YAMLMap,
      tag: "tag:yaml.org,2002:map",
      resolve(map2, onError) {
        if (!identity2.isMap(map2))
          onError("Expected a mapping for this tag");
        return map2;
      },
      createNode: (schema, obj, ctx) => YAMLMap.YAMLMap.from(schema, obj, ctx)
    };
    exports.map = map;
  }
});

// node_modules/yaml/dist/nodes/YAMLSeq.js
var require_YAMLSeq = __commonJS({
  "node_modules/yaml/dist/nodes/YAMLSeq.js"(exports) {
    "use strict";
    var createNode = require_createNode();
    var stringifyCollection = require_stringifyCollection();
    var Collection = require_Collection();
    var identity2 = require_identity();
    var Scalar = require_Scalar();
    var toJS = require_toJS();
    var YAMLSeq = class extends Collection.Collection {
      static get tagName() {
        return "tag:yaml.org,2002:seq";
      }
      constructor(schema) {
        super(identity2.SEQ, schema);
        this.items = [];
      }
      add(value) {
        this.items.push(value);
      }
      /**
       * Removes a value from the collection.
       *
       * `key` must contain a representation of an integer for this to succeed.
       * It may be wrapped in a `Scalar`.
       *
       * @returns `true` if the item was found and removed.
       */
      delete(key) {
        const idx = asItemIndex(key);
        if (typeof idx !== "number")
          return false;
        const del = this.items.splice(idx, 1);
        return del.length > 0;
      }
      get(key, keepScalar) {
        const idx = asItemIndex(key);
        if (typeof idx !== "number")
          return void 0;
        const it = this.items[idx];
        return !keepScalar && identity2.isScalar(it) ? it.value : it;
      }
      /**
       * Checks if the collection includes a value with the key `key`.
       *
       * `key` must contain a representation of an integer for this to succeed.
       * It may be wrapped in a `Scalar`.
       */
      has(key) {
        const idx = asItemIndex(key);
        return typeof idx === "number" && idx < this.items.length;
      }
      /**
       * Sets a value in this collection. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       *
       * If `key` does not contain a representation of an integer, this will throw.
       * It may be wrapped in a `Scalar`.
       */
      set(key, value) {
        const idx = asItemIndex(key);
        if (typeof idx !== "number")
          throw new Error(`Expected a valid index, not ${key}.`);
        const prev = this.items[idx];
        if (identity2.isScalar(prev) && Scalar.isScalarValue(value))
          prev.value = value;
        else
          this.items[idx] = value;
      }
      toJSON(_, ctx) {
        const seq = [];
        if (ctx?.onCreate)
          ctx.onCreate(seq);
        let i = 0;
        for (const item of this.items)
          seq.push(toJS.toJS(item, String(i++), ctx));
        return seq;
      }
      toString(ctx, onComment, onChompKeep) {
        if (!ctx)
          return JSON.stringify(this);
        return stringifyCollection.stringifyCollection(this, ctx, {
          blockItemPrefix: "- ",
          flowChars: { start: "[", end: "]" },
          itemIndent: (ctx.indent || "") + "  ",
          onChompKeep,
          onComment
        });
      }
      static from(schema, obj, ctx) {
        const { replacer } = ctx;
        const seq = new this(schema);
        if (obj && Symbol.iterator in Object(obj)) {
          let i = 0;
          for (let it of obj) {
            if (typeof replacer === "function") {
              const key = obj instanceof Set ? it : String(i++);
              it = replacer.call(obj, key, it);
            }
            seq.items.push(createNode.createNode(it, void 0, ctx));
          }
        }
        return seq;
      }
    };
    function asItemIndex(key) {
      let idx = identity2.isScalar(key) ? key.value : key;
      if (idx && typeof idx === "string")
        idx = Number(idx);
      return typeof idx === "number" && Number.isInteger(idx) && idx >= 0 ? idx : null;
    }
    exports.YAMLSeq = YAMLSeq;
  }
});

// node_modules/yaml/dist/schema/common/seq.js
var require_seq = __commonJS({
  "node_modules/yaml/dist/schema/common/seq.js"(exports) {
    "use strict";
    var identity2 = require_identity();
    var YAMLSeq = require_YAMLSeq();
    var seq = {
      collection: "seq",
      default: true,
      nodeClass: YAMLSeq.YAMLSeq,
      tag: "tag:yaml.org,2002:seq",
      resolve(seq2, onError) {
        if (!identity2.isSeq(seq2))
          onError("Expected a sequence for this tag");
        return seq2;
      },
      createNode: (schema, obj, ctx) => YAMLSeq.YAMLSeq.from(schema, obj, ctx)
    };
    exports.seq = seq;
  }
});

// node_modules/yaml/dist/schema/common/string.js
var require_string = __commonJS({
  "node_modules/yaml/dist/schema/common/string.js"(exports) {
    "use strict";
    var stringifyString = require_stringifyString();
    var string2 = {
      identify: (value) => typeof value === "string",
      default: true,
      tag: "tag:yaml.org,2002:str",
      resolve: (str) => str,
      stringify(item, ctx, onComment, onChompKeep) {
        ctx = Object.assign({ actualString: true }, ctx);
        return stringifyString.stringifyString(item, ctx, onComment, onChompKeep);
      }
    };
    exports.string = string2;
  }
});

// node_modules/yaml/dist/schema/common/null.js
var require_null = __commonJS({
  "node_modules/yaml/dist/schema/common/null.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var nullTag = {
      identify: (value) => value == null,
      createNode: () => new Scalar.Scalar(null),
      default: true,
      tag: "tag:yaml.org,2002:null",
      test: /^(?:~|[Nn]ull|NULL)?$/,
      resolve: () => new Scalar.Scalar(null),
      stringify: ({ source }, ctx) => typeof source === "string" && nullTag.test.test(source) ? source : ctx.options.nullStr
    };
    exports.nullTag = nullTag;
  }
});

// node_modules/yaml/dist/schema/core/bool.js
var require_bool = __commonJS({
  "node_modules/yaml/dist/schema/core/bool.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var boolTag = {
      identify: (value) => typeof value === "boolean",
      default: true,
      tag: "tag:yaml.org,2002:bool",
      test: /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/,
      resolve: (str) => new Scalar.Scalar(str[0] === "t" || str[0] === "T"),
      stringify({ source, value }, ctx) {
        if (source && boolTag.test.test(source)) {
          const sv = source[0] === "t" || source[0] === "T";
          if (value === sv)
            return source;
        }
        return value ? ctx.options.trueStr : ctx.options.falseStr;
      }
    };
    exports.boolTag = boolTag;
  }
});

// node_modules/yaml/dist/stringify/stringifyNumber.js
var require_stringifyNumber = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyNumber.js"(exports) {
    "use strict";
    function stringifyNumber({ format, minFractionDigits, tag, value }) {
      if (typeof value === "bigint")
        return String(value);
      const num = typeof value === "number" ? value : Number(value);
      if (!isFinite(num))
        return isNaN(num) ? ".nan" : num < 0 ? "-.inf" : ".inf";
      let n = Object.is(value, -0) ? "-0" : JSON.stringify(value);
      if (!format && minFractionDigits && (!tag || tag === "tag:yaml.org,2002:float") && /^-?\d/.test(n) && !n.includes("e")) {
        let i = n.indexOf(".");
        if (i < 0) {
          i = n.length;
          n += ".";
        }
        let d = minFractionDigits - (n.length - i - 1);
        while (d-- > 0)
          n += "0";
      }
      return n;
    }
    exports.stringifyNumber = stringifyNumber;
  }
});

// node_modules/yaml/dist/schema/core/float.js
var require_float = __commonJS({
  "node_modules/yaml/dist/schema/core/float.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var stringifyNumber = require_stringifyNumber();
    var floatNaN = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
      resolve: (str) => str.slice(-3).toLowerCase() === "nan" ? NaN : str[0] === "-" ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY,
      stringify: stringifyNumber.stringifyNumber
    };
    var floatExp = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      format: "EXP",
      test: /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/,
      resolve: (str) => parseFloat(str),
      stringify(node) {
        const num = Number(node.value);
        return isFinite(num) ? num.toExponential() : stringifyNumber.stringifyNumber(node);
      }
    };
    var float = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/,
      resolve(str) {
        const node = new Scalar.Scalar(parseFloat(str));
        const dot2 = str.indexOf(".");
        if (dot2 !== -1 && str[str.length - 1] === "0")
          node.minFractionDigits = str.length - dot2 - 1;
        return node;
      },
      stringify: stringifyNumber.stringifyNumber
    };
    exports.float = float;
    exports.floatExp = floatExp;
    exports.floatNaN = floatNaN;
  }
});

// node_modules/yaml/dist/schema/core/int.js
var require_int = __commonJS({
  "node_modules/yaml/dist/schema/core/int.js"(exports) {
    "use strict";
    var stringifyNumber = require_stringifyNumber();
    var intIdentify = (value) => typeof value === "bigint" || Number.isInteger(value);
    var intResolve = (str, offset, radix, { intAsBigInt }) => intAsBigInt ? BigInt(str) : parseInt(str.substring(offset), radix);
    function intStringify(node, radix, prefix) {
      const { value } = node;
      if (intIdentify(value) && value >= 0)
        return prefix + value.toString(radix);
      return stringifyNumber.stringifyNumber(node);
    }
    var intOct = {
      identify: (value) => intIdentify(value) && value >= 0,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "OCT",
      test: /^0o[0-7]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 2, 8, opt),
      stringify: (node) => intStringify(node, 8, "0o")
    };
    var int = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      test: /^[-+]?[0-9]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 0, 10, opt),
      stringify: stringifyNumber.stringifyNumber
    };
    var intHex = {
      identify: (value) => intIdentify(value) && value >= 0,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "HEX",
      test: /^0x[0-9a-fA-F]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 2, 16, opt),
      stringify: (node) => intStringify(node, 16, "0x")
    };
    exports.int = int;
    exports.intHex = intHex;
    exports.intOct = intOct;
  }
});

// node_modules/yaml/dist/schema/core/schema.js
var require_schema = __commonJS({
  "node_modules/yaml/dist/schema/core/schema.js"(exports) {
    "use strict";
    var map = require_map();
    var _null = require_null();
    var seq = require_seq();
    var string2 = require_string();
    var bool = require_bool();
    var float = require_float();
    var int = require_int();
    var schema = [
      map.map,
      seq.seq,
      string2.string,
      _null.nullTag,
      bool.boolTag,
      int.intOct,
      int.int,
      int.intHex,
      float.floatNaN,
      float.floatExp,
      float.float
    ];
    exports.schema = schema;
  }
});

// node_modules/yaml/dist/schema/json/schema.js
var require_schema2 = __commonJS({
  "node_modules/yaml/dist/schema/json/schema.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var map = require_map();
    var seq = require_seq();
    function intIdentify(value) {
      return typeof value === "bigint" || Number.isInteger(value);
    }
    var stringifyJSON = ({ value }) => JSON.stringify(value);
    var jsonScalars = [
      {
        identify: (value) => typeof value === "string",
        default: true,
        tag: "tag:yaml.org,2002:str",
        resolve: (str) => str,
        stringify: stringifyJSON
      },
      {
        identify: (value) => value == null,
        createNode: () => new Scalar.Scalar(null),
        default: true,
        tag: "tag:yaml.org,2002:null",
        test: /^null$/,
        resolve: () => null,
        stringify: stringifyJSON
      },
      {
        identify: (value) => typeof value === "boolean",
        default: true,
        tag: "tag:yaml.org,2002:bool",
        test: /^true$|^false$/,
        resolve: (str) => str === "true",
        stringify: stringifyJSON
      },
      {
        identify: intIdentify,
        default: true,
        tag: "tag:yaml.org,2002:int",
        test: /^-?(?:0|[1-9][0-9]*)$/,
        resolve: (str, _onError, { intAsBigInt }) => intAsBigInt ? BigInt(str) : parseInt(str, 10),
        stringify: ({ value }) => intIdentify(value) ? value.toString() : JSON.stringify(value)
      },
      {
        identify: (value) => typeof value === "number",
        default: true,
        tag: "tag:yaml.org,2002:float",
        test: /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]*)?(?:[eE][-+]?[0-9]+)?$/,
        resolve: (str) => parseFloat(str),
        stringify: stringifyJSON
      }
    ];
    var jsonError = {
      default: true,
      tag: "",
      test: /^/,
      resolve(str, onError) {
        onError(`Unresolved plain scalar ${JSON.stringify(str)}`);
        return str;
      }
    };
    var schema = [map.map, seq.seq].concat(jsonScalars, jsonError);
    exports.schema = schema;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/binary.js
var require_binary = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/binary.js"(exports) {
    "use strict";
    var node_buffer = __require("buffer");
    var Scalar = require_Scalar();
    var stringifyString = require_stringifyString();
    var binary2 = {
      identify: (value) => value instanceof Uint8Array,
      // Buffer inherits from Uint8Array
      default: false,
      tag: "tag:yaml.org,2002:binary",
      /**
       * Returns a Buffer in node and an Uint8Array in browsers
       *
       * To use the resulting buffer as an image, you'll want to do something like:
       *
       *   const blob = new Blob([buffer], { type: 'image/jpeg' })
       *   document.querySelector('#photo').src = URL.createObjectURL(blob)
       */
      resolve(src, onError) {
        if (typeof node_buffer.Buffer === "function") {
          return node_buffer.Buffer.from(src, "base64");
        } else if (typeof atob === "function") {
          const str = atob(src.replace(/[\n\r]/g, ""));
          const buffer = new Uint8Array(str.length);
          for (let i = 0; i < str.length; ++i)
            buffer[i] = str.charCodeAt(i);
          return buffer;
        } else {
          onError("This environment does not support reading binary tags; either Buffer or atob is required");
          return src;
        }
      },
      stringify({ comment: comment2, type, value }, ctx, onComment, onChompKeep) {
        if (!value)
          return "";
        const buf = value;
        let str;
        if (typeof node_buffer.Buffer === "function") {
          str = buf instanceof node_buffer.Buffer ? buf.toString("base64") : node_buffer.Buffer.from(buf.buffer).toString("base64");
        } else if (typeof btoa === "function") {
          let s = "";
          for (let i = 0; i < buf.length; ++i)
            s += String.fromCharCode(buf[i]);
          str = btoa(s);
        } else {
          throw new Error("This environment does not support writing binary tags; either Buffer or btoa is required");
        }
        type ?? (type = Scalar.Scalar.BLOCK_LITERAL);
        if (type !== Scalar.Scalar.QUOTE_DOUBLE) {
          const lineWidth = Math.max(ctx.options.lineWidth - ctx.indent.length, ctx.options.minContentWidth);
          const n = Math.ceil(str.length / lineWidth);
          const lines = new Array(n);
          for (let i = 0, o = 0; i < n; ++i, o += lineWidth) {
            lines[i] = str.substr(o, lineWidth);
          }
          str = lines.join(type === Scalar.Scalar.BLOCK_LITERAL ? "\n" : " ");
        }
        return stringifyString.stringifyString({ comment: comment2, type, value: str }, ctx, onComment, onChompKeep);
      }
    };
    exports.binary = binary2;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/pairs.js
var require_pairs = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/pairs.js"(exports) {
    "use strict";
    var identity2 = require_identity();
    var Pair = require_Pair();
    var Scalar = require_Scalar();
    var YAMLSeq = require_YAMLSeq();
    function resolvePairs(seq, onError) {
      if (identity2.isSeq(seq)) {
        for (let i = 0; i < seq.items.length; ++i) {
          let item = seq.items[i];
          if (identity2.isPair(item))
            continue;
          else if (identity2.isMap(item)) {
            if (item.items.length > 1)
              onError("Each pair must have its own sequence indicator");
            const pair2 = item.items[0] || new Pair.Pair(new Scalar.Scalar(null));
            if (item.commentBefore)
              pair2.key.commentBefore = pair2.key.commentBefore ? `${item.commentBefore}
${pair2.key.commentBefore}` : item.commentBefore;
            if (item.comment) {
              const cn = pair2.value ?? pair2.key;
              cn.comment = cn.comment ? `${item.comment}
${cn.comment}` : item.comment;
            }
            item = pair2;
          }
          seq.items[i] = identity2.isPair(item) ? item : new Pair.Pair(item);
        }
      } else
        onError("Expected a sequence for this tag");
      return seq;
    }
    function createPairs(schema, iterable, ctx) {
      const { replacer } = ctx;
      const pairs2 = new YAMLSeq.YAMLSeq(schema);
      pairs2.tag = "tag:yaml.org,2002:pairs";
      let i = 0;
      if (iterable && Symbol.iterator in Object(iterable))
        for (let it of iterable) {
          if (typeof replacer === "function")
            it = replacer.call(iterable, String(i++), it);
          let key, value;
          if (Array.isArray(it)) {
            if (it.length === 2) {
              key = it[0];
              value = it[1];
            } else
              throw new TypeError(`Expected [key, value] tuple: ${it}`);
          } else if (it && it instanceof Object) {
            const keys = Object.keys(it);
            if (keys.length === 1) {
              key = keys[0];
              value = it[key];
            } else {
              throw new TypeError(`Expected tuple with one key, not ${keys.length} keys`);
            }
          } else {
            key = it;
          }
          pairs2.items.push(Pair.createPair(key, value, ctx));
        }
      return pairs2;
    }
    var pairs = {
      collection: "seq",
      default: false,
      tag: "tag:yaml.org,2002:pairs",
      resolve: resolvePairs,
      createNode: createPairs
    };
    exports.createPairs = createPairs;
    exports.pairs = pairs;
    exports.resolvePairs = resolvePairs;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/omap.js
var require_omap = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/omap.js"(exports) {
    "use strict";
    var identity2 = require_identity();
    var toJS = require_toJS();
    var YAMLMap = require_YAMLMap();
    var YAMLSeq = require_YAMLSeq();
    var pairs = require_pairs();
    var YAMLOMap = class _YAMLOMap extends YAMLSeq.YAMLSeq {
      constructor() {
        super();
        this.add = YAMLMap.YAMLMap.prototype.add.bind(this);
        this.delete = YAMLMap.YAMLMap.prototype.delete.bind(this);
        this.get = YAMLMap.YAMLMap.prototype.get.bind(this);
        this.has = YAMLMap.YAMLMap.prototype.has.bind(this);
        this.set = YAMLMap.YAMLMap.prototype.set.bind(this);
        this.tag = _YAMLOMap.tag;
      }
      /**
       * If `ctx` is given, the return type is actually `Map<unknown, unknown>`,
       * but TypeScript won't allow widening the signature of a child method.
       */
      toJSON(_, ctx) {
        if (!ctx)
          return super.toJSON(_);
        const map = /* @__PURE__ */ new Map();
        if (ctx?.onCreate)
          ctx.onCreate(map);
        for (const pair2 of this.items) {
          let key, value;
          if (identity2.isPair(pair2)) {
            key = toJS.toJS(pair2.key, "", ctx);
            value = toJS.toJS(pair2.value, key, ctx);
          } else {
            key = toJS.toJS(pair2, "", ctx);
          }
          if (map.has(key))
            throw new Error("Ordered maps must not include duplicate keys");
          map.set(key, value);
        }
        return map;
      }
      static from(schema, iterable, ctx) {
        const pairs$1 = pairs.createPairs(schema, iterable, ctx);
        const omap2 = new this();
        omap2.items = pairs$1.items;
        return omap2;
      }
    };
    YAMLOMap.tag = "tag:yaml.org,2002:omap";
    var omap = {
      collection: "seq",
      identify: (value) => value instanceof Map,
      nodeClass: YAMLOMap,
      default: false,
      tag: "tag:yaml.org,2002:omap",
      resolve(seq, onError) {
        const pairs$1 = pairs.resolvePairs(seq, onError);
        const seenKeys = [];
        for (const { key } of pairs$1.items) {
          if (identity2.isScalar(key)) {
            if (seenKeys.includes(key.value)) {
              onError(`Ordered maps must not include duplicate keys: ${key.value}`);
            } else {
              seenKeys.push(key.value);
            }
          }
        }
        return Object.assign(new YAMLOMap(), pairs$1);
      },
      createNode: (schema, iterable, ctx) => YAMLOMap.from(schema, iterable, ctx)
    };
    exports.YAMLOMap = YAMLOMap;
    exports.omap = omap;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/bool.js
var require_bool2 = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/bool.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    function boolStringify({ value, source }, ctx) {
      const boolObj = value ? trueTag : falseTag;
      if (source && boolObj.test.test(source))
        return source;
      return value ? ctx.options.trueStr : ctx.options.falseStr;
    }
    var trueTag = {
      identify: (value) => value === true,
      default: true,
      tag: "tag:yaml.org,2002:bool",
      test: /^(?:Y|y|[Yy]es|YES|[Tt]rue|TRUE|[Oo]n|ON)$/,
      resolve: () => new Scalar.Scalar(true),
      stringify: boolStringify
    };
    var falseTag = {
      identify: (value) => value === false,
      default: true,
      tag: "tag:yaml.org,2002:bool",
      test: /^(?:N|n|[Nn]o|NO|[Ff]alse|FALSE|[Oo]ff|OFF)$/,
      resolve: () => new Scalar.Scalar(false),
      stringify: boolStringify
    };
    exports.falseTag = falseTag;
    exports.trueTag = trueTag;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/float.js
var require_float2 = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/float.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var stringifyNumber = require_stringifyNumber();
    var floatNaN = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
      resolve: (str) => str.slice(-3).toLowerCase() === "nan" ? NaN : str[0] === "-" ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY,
      stringify: stringifyNumber.stringifyNumber
    };
    var floatExp = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      format: "EXP",
      test: /^[-+]?(?:[0-9][0-9_]*)?(?:\.[0-9_]*)?[eE][-+]?[0-9]+$/,
      resolve: (str) => parseFloat(str.replace(/_/g, "")),
      stringify(node) {
        const num = Number(node.value);
        return isFinite(num) ? num.toExponential() : stringifyNumber.stringifyNumber(node);
      }
    };
    var float = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^[-+]?(?:[0-9][0-9_]*)?\.[0-9_]*$/,
      resolve(str) {
        const node = new Scalar.Scalar(parseFloat(str.replace(/_/g, "")));
        const dot2 = str.indexOf(".");
        if (dot2 !== -1) {
          const f = str.substring(dot2 + 1).replace(/_/g, "");
          if (f[f.length - 1] === "0")
            node.minFractionDigits = f.length;
        }
        return node;
      },
      stringify: stringifyNumber.stringifyNumber
    };
    exports.float = float;
    exports.floatExp = floatExp;
    exports.floatNaN = floatNaN;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/int.js
var require_int2 = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/int.js"(exports) {
    "use strict";
    var stringifyNumber = require_stringifyNumber();
    var intIdentify = (value) => typeof value === "bigint" || Number.isInteger(value);
    function intResolve(str, offset, radix, { intAsBigInt }) {
      const sign = str[0];
      if (sign === "-" || sign === "+")
        offset += 1;
      str = str.substring(offset).replace(/_/g, "");
      if (intAsBigInt) {
        switch (radix) {
          case 2:
            str = `0b${str}`;
            break;
          case 8:
            str = `0o${str}`;
            break;
          case 16:
            str = `0x${str}`;
            break;
        }
        const n2 = BigInt(str);
        return sign === "-" ? BigInt(-1) * n2 : n2;
      }
      const n = parseInt(str, radix);
      return sign === "-" ? -1 * n : n;
    }
    function intStringify(node, radix, prefix) {
      const { value } = node;
      if (intIdentify(value)) {
        const str = value.toString(radix);
        return value < 0 ? "-" + prefix + str.substr(1) : prefix + str;
      }
      return stringifyNumber.stringifyNumber(node);
    }
    var intBin = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "BIN",
      test: /^[-+]?0b[0-1_]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 2, 2, opt),
      stringify: (node) => intStringify(node, 2, "0b")
    };
    var intOct = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "OCT",
      test: /^[-+]?0[0-7_]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 1, 8, opt),
      stringify: (node) => intStringify(node, 8, "0")
    };
    var int = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      test: /^[-+]?[0-9][0-9_]*$/,
      resolve: (str, _onError, opt) => intResolve(str, 0, 10, opt),
      stringify: stringifyNumber.stringifyNumber
    };
    var intHex = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "HEX",
      test: /^[-+]?0x[0-9a-fA-F_]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 2, 16, opt),
      stringify: (node) => intStringify(node, 16, "0x")
    };
    exports.int = int;
    exports.intBin = intBin;
    exports.intHex = intHex;
    exports.intOct = intOct;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/set.js
var require_set = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/set.js"(exports) {
    "use strict";
    var identity2 = require_identity();
    var Pair = require_Pair();
    var YAMLMap = require_YAMLMap();
    var YAMLSet = class _YAMLSet extends YAMLMap.YAMLMap {
      constructor(schema) {
        super(schema);
        this.tag = _YAMLSet.tag;
      }
      add(key) {
        let pair2;
        if (identity2.isPair(key))
          pair2 = key;
        else if (key && typeof key === "object" && "key" in key && "value" in key && key.value === null)
          pair2 = new Pair.Pair(key.key, null);
        else
          pair2 = new Pair.Pair(key, null);
        const prev = YAMLMap.findPair(this.items, pair2.key);
        if (!prev)
          this.items.push(pair2);
      }
      /**
       * If `keepPair` is `true`, returns the Pair matching `key`.
       * Otherwise, returns the value of that Pair's key.
       */
      get(key, keepPair) {
        const pair2 = YAMLMap.findPair(this.items, key);
        return !keepPair && identity2.isPair(pair2) ? identity2.isScalar(pair2.key) ? pair2.key.value : pair2.key : pair2;
      }
      set(key, value) {
        if (typeof value !== "boolean")
          throw new Error(`Expected boolean value for set(key, value) in a YAML set, not ${typeof value}`);
        const prev = YAMLMap.findPair(this.items, key);
        if (prev && !value) {
          this.items.splice(this.items.indexOf(prev), 1);
        } else if (!prev && value) {
          this.items.push(new Pair.Pair(key));
        }
      }
      toJSON(_, ctx) {
        return super.toJSON(_, ctx, Set);
      }
      toString(ctx, onComment, onChompKeep) {
        if (!ctx)
          return JSON.stringify(this);
        if (this.hasAllNullValues(true))
          return super.toString(Object.assign({}, ctx, { allNullValues: true }), onComment, onChompKeep);
        else
          throw new Error("Set items must all have null values");
      }
      static from(schema, iterable, ctx) {
        const { replacer } = ctx;
        const set2 = new this(schema);
        if (iterable && Symbol.iterator in Object(iterable))
          for (let value of iterable) {
            if (typeof replacer === "function")
              value = replacer.call(iterable, value, value);
            set2.items.push(Pair.createPair(value, null, ctx));
          }
        return set2;
      }
    };
    YAMLSet.tag = "tag:yaml.org,2002:set";
    var set = {
      collection: "map",
      identify: (value) => value instanceof Set,
      nodeClass: YAMLSet,
      default: false,
      tag: "tag:yaml.org,2002:set",
      createNode: (schema, iterable, ctx) => YAMLSet.from(schema, iterable, ctx),
      resolve(map, onError) {
        if (identity2.isMap(map)) {
          if (map.hasAllNullValues(true))
            return Object.assign(new YAMLSet(), map);
          else
            onError("Set items must all have null values");
        } else
          onError("Expected a mapping for this tag");
        return map;
      }
    };
    exports.YAMLSet = YAMLSet;
    exports.set = set;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/timestamp.js
var require_timestamp = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/timestamp.js"(exports) {
    "use strict";
    var stringifyNumber = require_stringifyNumber();
    function parseSexagesimal(str, asBigInt) {
      const sign = str[0];
      const parts = sign === "-" || sign === "+" ? str.substring(1) : str;
      const num = (n) => asBigInt ? BigInt(n) : Number(n);
      const res = parts.replace(/_/g, "").split(":").reduce((res2, p) => res2 * num(60) + num(p), num(0));
      return sign === "-" ? num(-1) * res : res;
    }
    function stringifySexagesimal(node) {
      let { value } = node;
      let num = (n) => n;
      if (typeof value === "bigint")
        num = (n) => BigInt(n);
      else if (isNaN(value) || !isFinite(value))
        return stringifyNumber.stringifyNumber(node);
      let sign = "";
      if (value < 0) {
        sign = "-";
        value *= num(-1);
      }
      const _60 = num(60);
      const parts = [value % _60];
      if (value < 60) {
        parts.unshift(0);
      } else {
        value = (value - parts[0]) / _60;
        parts.unshift(value % _60);
        if (value >= 60) {
          value = (value - parts[0]) / _60;
          parts.unshift(value);
        }
      }
      return sign + parts.map((n) => String(n).padStart(2, "0")).join(":").replace(/000000\d*$/, "");
    }
    var intTime = {
      identify: (value) => typeof value === "bigint" || Number.isInteger(value),
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "TIME",
      test: /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+$/,
      resolve: (str, _onError, { intAsBigInt }) => parseSexagesimal(str, intAsBigInt),
      stringify: stringifySexagesimal
    };
    var floatTime = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      format: "TIME",
      test: /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*$/,
      resolve: (str) => parseSexagesimal(str, false),
      stringify: stringifySexagesimal
    };
    var timestamp = {
      identify: (value) => value instanceof Date,
      default: true,
      tag: "tag:yaml.org,2002:timestamp",
      // If the time zone is omitted, the timestamp is assumed to be specified in UTC. The time part
      // may be omitted altogether, resulting in a date format. In such a case, the time part is
      // assumed to be 00:00:00Z (start of day, UTC).
      test: RegExp("^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})(?:(?:t|T|[ \\t]+)([0-9]{1,2}):([0-9]{1,2}):([0-9]{1,2}(\\.[0-9]+)?)(?:[ \\t]*(Z|[-+][012]?[0-9](?::[0-9]{2})?))?)?$"),
      resolve(str) {
        const match = str.match(timestamp.test);
        if (!match)
          throw new Error("!!timestamp expects a date, starting with yyyy-mm-dd");
        const [, year, month, day, hour, minute, second] = match.map(Number);
        const millisec = match[7] ? Number((match[7] + "00").substr(1, 3)) : 0;
        let date = Date.UTC(year, month - 1, day, hour || 0, minute || 0, second || 0, millisec);
        const tz = match[8];
        if (tz && tz !== "Z") {
          let d = parseSexagesimal(tz, false);
          if (Math.abs(d) < 30)
            d *= 60;
          date -= 6e4 * d;
        }
        return new Date(date);
      },
      stringify: ({ value }) => value?.toISOString().replace(/(T00:00:00)?\.000Z$/, "") ?? ""
    };
    exports.floatTime = floatTime;
    exports.intTime = intTime;
    exports.timestamp = timestamp;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/schema.js
var require_schema3 = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/schema.js"(exports) {
    "use strict";
    var map = require_map();
    var _null = require_null();
    var seq = require_seq();
    var string2 = require_string();
    var binary2 = require_binary();
    var bool = require_bool2();
    var float = require_float2();
    var int = require_int2();
    var merge2 = require_merge();
    var omap = require_omap();
    var pairs = require_pairs();
    var set = require_set();
    var timestamp = require_timestamp();
    var schema = [
      map.map,
      seq.seq,
      string2.string,
      _null.nullTag,
      bool.trueTag,
      bool.falseTag,
      int.intBin,
      int.intOct,
      int.int,
      int.intHex,
      float.floatNaN,
      float.floatExp,
      float.float,
      binary2.binary,
      merge2.merge,
      omap.omap,
      pairs.pairs,
      set.set,
      timestamp.intTime,
      timestamp.floatTime,
      timestamp.timestamp
    ];
    exports.schema = schema;
  }
});

// node_modules/yaml/dist/schema/tags.js
var require_tags = __commonJS({
  "node_modules/yaml/dist/schema/tags.js"(exports) {
    "use strict";
    var map = require_map();
    var _null = require_null();
    var seq = require_seq();
    var string2 = require_string();
    var bool = require_bool();
    var float = require_float();
    var int = require_int();
    var schema = require_schema();
    var schema$1 = require_schema2();
    var binary2 = require_binary();
    var merge2 = require_merge();
    var omap = require_omap();
    var pairs = require_pairs();
    var schema$2 = require_schema3();
    var set = require_set();
    var timestamp = require_timestamp();
    var schemas = /* @__PURE__ */ new Map([
      ["core", schema.schema],
      ["failsafe", [map.map, seq.seq, string2.string]],
      ["json", schema$1.schema],
      ["yaml11", schema$2.schema],
      ["yaml-1.1", schema$2.schema]
    ]);
    var tagsByName = {
      binary: binary2.binary,
      bool: bool.boolTag,
      float: float.float,
      floatExp: float.floatExp,
      floatNaN: float.floatNaN,
      floatTime: timestamp.floatTime,
      int: int.int,
      intHex: int.intHex,
      intOct: int.intOct,
      intTime: timestamp.intTime,
      map: map.map,
      merge: merge2.merge,
      null: _null.nullTag,
      omap: omap.omap,
      pairs: pairs.pairs,
      seq: seq.seq,
      set: set.set,
      timestamp: timestamp.timestamp
    };
    var coreKnownTags = {
      "tag:yaml.org,2002:binary": binary2.binary,
      "tag:yaml.org,2002:merge": merge2.merge,
      "tag:yaml.org,2002:omap": omap.omap,
      "tag:yaml.org,2002:pairs": pairs.pairs,
      "tag:yaml.org,2002:set": set.set,
      "tag:yaml.org,2002:timestamp": timestamp.timestamp
    };
    function getTags(customTags, schemaName, addMergeTag) {
      const schemaTags = schemas.get(schemaName);
      if (schemaTags && !customTags) {
        return addMergeTag && !schemaTags.includes(merge2.merge) ? schemaTags.concat(merge2.merge) : schemaTags.slice();
      }
      let tags2 = schemaTags;
      if (!tags2) {
        if (Array.isArray(customTags))
          tags2 = [];
        else {
          const keys = Array.from(schemas.keys()).filter((key) => key !== "yaml11").map((key) => JSON.stringify(key)).join(", ");
          throw new Error(`Unknown schema "${schemaName}"; use one of ${keys} or define customTags array`);
        }
      }
      if (Array.isArray(customTags)) {
        for (const tag of customTags)
          tags2 = tags2.concat(tag);
      } else if (typeof customTags === "function") {
        tags2 = customTags(tags2.slice());
      }
      if (addMergeTag)
        tags2 = tags2.concat(merge2.merge);
      return tags2.reduce((tags3, tag) => {
        const tagObj = typeof tag === "string" ? tagsByName[tag] : tag;
        if (!tagObj) {
          const tagName = JSON.stringify(tag);
          const keys = Object.keys(tagsByName).map((key) => JSON.stringify(key)).join(", ");
          throw new Error(`Unknown custom tag ${tagName}; use one of ${keys}`);
        }
        if (!tags3.includes(tagObj))
          tags3.push(tagObj);
        return tags3;
      }, []);
    }
    exports.coreKnownTags = coreKnownTags;
    exports.getTags = getTags;
  }
});

// node_modules/yaml/dist/schema/Schema.js
var require_Schema = __commonJS({
  "node_modules/yaml/dist/schema/Schema.js"(exports) {
    "use strict";
    var identity2 = require_identity();
    var map = require_map();
    var seq = require_seq();
    var string2 = require_string();
    var tags2 = require_tags();
    var sortMapEntriesByKey = (a, b) => a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
    var Schema = class _Schema {
      constructor({ compat, customTags, merge: merge2, resolveKnownTags, schema, sortMapEntries, toStringDefaults }) {
        this.compat = Array.isArray(compat) ? tags2.getTags(compat, "compat") : compat ? tags2.getTags(null, compat) : null;
        this.name = typeof schema === "string" && schema || "core";
        this.knownTags = resolveKnownTags ? tags2.coreKnownTags : {};
        this.tags = tags2.getTags(customTags, this.name, merge2);
        this.toStringOptions = toStringDefaults ?? null;
        Object.defineProperty(this, identity2.MAP, { value: map.map });
        Object.defineProperty(this, identity2.SCALAR, { value: string2.string });
        Object.defineProperty(this, identity2.SEQ, { value: seq.seq });
        this.sortMapEntries = typeof sortMapEntries === "function" ? sortMapEntries : sortMapEntries === true ? sortMapEntriesByKey : null;
      }
      clone() {
        const copy = Object.create(_Schema.prototype, Object.getOwnPropertyDescriptors(this));
        copy.tags = this.tags.slice();
        return copy;
      }
    };
    exports.Schema = Schema;
  }
});

// node_modules/yaml/dist/stringify/stringifyDocument.js
var require_stringifyDocument = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyDocument.js"(exports) {
    "use strict";
    var identity2 = require_identity();
    var stringify = require_stringify();
    var stringifyComment = require_stringifyComment();
    function stringifyDocument(doc, options) {
      const lines = [];
      let hasDirectives = options.directives === true;
      if (options.directives !== false && doc.directives) {
        const dir = doc.directives.toString(doc);
        if (dir) {
          lines.push(dir);
          hasDirectives = true;
        } else if (doc.directives.docStart)
          hasDirectives = true;
      }
      if (hasDirectives)
        lines.push("---");
      const ctx = stringify.createStringifyContext(doc, options);
      const { commentString } = ctx.options;
      if (doc.commentBefore) {
        if (lines.length !== 1)
          lines.unshift("");
        const cs = commentString(doc.commentBefore);
        lines.unshift(stringifyComment.indentComment(cs, ""));
      }
      let chompKeep = false;
      let contentComment = null;
      if (doc.contents) {
        if (identity2.isNode(doc.contents)) {
          if (doc.contents.spaceBefore && hasDirectives)
            lines.push("");
          if (doc.contents.commentBefore) {
            const cs = commentString(doc.contents.commentBefore);
            lines.push(stringifyComment.indentComment(cs, ""));
          }
          ctx.forceBlockIndent = !!doc.comment;
          contentComment = doc.contents.comment;
        }
        const onChompKeep = contentComment ? void 0 : () => chompKeep = true;
        let body = stringify.stringify(doc.contents, ctx, () => contentComment = null, onChompKeep);
        if (contentComment)
          body += stringifyComment.lineComment(body, "", commentString(contentComment));
        if ((body[0] === "|" || body[0] === ">") && lines[lines.length - 1] === "---") {
          lines[lines.length - 1] = `--- ${body}`;
        } else
          lines.push(body);
      } else {
        lines.push(stringify.stringify(doc.contents, ctx));
      }
      if (doc.directives?.docEnd) {
        if (doc.comment) {
          const cs = commentString(doc.comment);
          if (cs.includes("\n")) {
            lines.push("...");
            lines.push(stringifyComment.indentComment(cs, ""));
          } else {
            lines.push(`... ${cs}`);
          }
        } else {
          lines.push("...");
        }
      } else {
        let dc = doc.comment;
        if (dc && chompKeep)
          dc = dc.replace(/^\n+/, "");
        if (dc) {
          if ((!chompKeep || contentComment) && lines[lines.length - 1] !== "")
            lines.push("");
          lines.push(stringifyComment.indentComment(commentString(dc), ""));
        }
      }
      return lines.join("\n") + "\n";
    }
    exports.stringifyDocument = stringifyDocument;
  }
});

// node_modules/yaml/dist/doc/Document.js
var require_Document = __commonJS({
  "node_modules/yaml/dist/doc/Document.js"(exports) {
    "use strict";
    var Alias = require_Alias();
    var Collection = require_Collection();
    var identity2 = require_identity();
    var Pair = require_Pair();
    var toJS = require_toJS();
    var Schema = require_Schema();
    var stringifyDocument = require_stringifyDocument();
    var anchors = require_anchors();
    var applyReviver = require_applyReviver();
    var createNode = require_createNode();
    var directives = require_directives();
    var Document = class _Document {
      constructor(value, replacer, options) {
        this.commentBefore = null;
        this.comment = null;
        this.errors = [];
        this.warnings = [];
        Object.defineProperty(this, identity2.NODE_TYPE, { value: identity2.DOC });
        let _replacer = null;
        if (typeof replacer === "function" || Array.isArray(replacer)) {
          _replacer = replacer;
        } else if (options === void 0 && replacer) {
          options = replacer;
          replacer = void 0;
        }
        const opt = Object.assign({
          intAsBigInt: false,
          keepSourceTokens: false,
          logLevel: "warn",
          prettyErrors: true,
          strict: true,
          stringKeys: false,
          uniqueKeys: true,
          version: "1.2"
        }, options);
        this.options = opt;
        let { version } = opt;
        if (options?._directives) {
          this.directives = options._directives.atDocument();
          if (this.directives.yaml.explicit)
            version = this.directives.yaml.version;
        } else
          this.directives = new directives.Directives({ version });
        this.setSchema(version, options);
        this.contents = value === void 0 ? null : this.createNode(value, _replacer, options);
      }
      /**
       * Create a deep copy of this Document and its contents.
       *
       * Custom Node values that inherit from `Object` still refer to their original instances.
       */
      clone() {
        const copy = Object.create(_Document.prototype, {
          [identity2.NODE_TYPE]: { value: identity2.DOC }
        });
        copy.commentBefore = this.commentBefore;
        copy.comment = this.comment;
        copy.errors = this.errors.slice();
        copy.warnings = this.warnings.slice();
        copy.options = Object.assign({}, this.options);
        if (this.directives)
          copy.directives = this.directives.clone();
        copy.schema = this.schema.clone();
        copy.contents = identity2.isNode(this.contents) ? this.contents.clone(copy.schema) : this.contents;
        if (this.range)
          copy.range = this.range.slice();
        return copy;
      }
      /** Adds a value to the document. */
      add(value) {
        if (assertCollection(this.contents))
          this.contents.add(value);
      }
      /** Adds a value to the document. */
      addIn(path, value) {
        if (assertCollection(this.contents))
          this.contents.addIn(path, value);
      }
      /**
       * Create a new `Alias` node, ensuring that the target `node` has the required anchor.
       *
       * If `node` already has an anchor, `name` is ignored.
       * Otherwise, the `node.anchor` value will be set to `name`,
       * or if an anchor with that name is already present in the document,
       * `name` will be used as a prefix for a new unique anchor.
       * If `name` is undefined, the generated anchor will use 'a' as a prefix.
       */
      createAlias(node, name2) {
        if (!node.anchor) {
          const prev = anchors.anchorNames(this);
          node.anchor = // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
          !name2 || prev.has(name2) ? anchors.findNewAnchor(name2 || "a", prev) : name2;
        }
        return new Alias.Alias(node.anchor);
      }
      createNode(value, replacer, options) {
        let _replacer = void 0;
        if (typeof replacer === "function") {
          value = replacer.call({ "": value }, "", value);
          _replacer = replacer;
        } else if (Array.isArray(replacer)) {
          const keyToStr = (v) => typeof v === "number" || v instanceof String || v instanceof Number;
          const asStr = replacer.filter(keyToStr).map(String);
          if (asStr.length > 0)
            replacer = replacer.concat(asStr);
          _replacer = replacer;
        } else if (options === void 0 && replacer) {
          options = replacer;
          replacer = void 0;
        }
        const { aliasDuplicateObjects, anchorPrefix, flow, keepUndefined, onTagObj, tag } = options ?? {};
        const { onAnchor, setAnchors, sourceObjects } = anchors.createNodeAnchors(
          this,
          // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
          anchorPrefix || "a"
        );
        const ctx = {
          aliasDuplicateObjects: aliasDuplicateObjects ?? true,
          keepUndefined: keepUndefined ?? false,
          onAnchor,
          onTagObj,
          replacer: _replacer,
          schema: this.schema,
          sourceObjects
        };
        const node = createNode.createNode(value, tag, ctx);
        if (flow && identity2.isCollection(node))
          node.flow = true;
        setAnchors();
        return node;
      }
      /**
       * Convert a key and a value into a `Pair` using the current schema,
       * recursively wrapping all values as `Scalar` or `Collection` nodes.
       */
      createPair(key, value, options = {}) {
        const k = this.createNode(key, null, options);
        const v = this.createNode(value, null, options);
        return new Pair.Pair(k, v);
      }
      /**
       * Removes a value from the document.
       * @returns `true` if the item was found and removed.
       */
      delete(key) {
        return assertCollection(this.contents) ? this.contents.delete(key) : false;
      }
      /**
       * Removes a value from the document.
       * @returns `true` if the item was found and removed.
       */
      deleteIn(path) {
        if (Collection.isEmptyPath(path)) {
          if (this.contents == null)
            return false;
          this.contents = null;
          return true;
        }
        return assertCollection(this.contents) ? this.contents.deleteIn(path) : false;
      }
      /**
       * Returns item at `key`, or `undefined` if not found. By default unwraps
       * scalar values from their surrounding node; to disable set `keepScalar` to
       * `true` (collections are always returned intact).
       */
      get(key, keepScalar) {
        return identity2.isCollection(this.contents) ? this.contents.get(key, keepScalar) : void 0;
      }
      /**
       * Returns item at `path`, or `undefined` if not found. By default unwraps
       * scalar values from their surrounding node; to disable set `keepScalar` to
       * `true` (collections are always returned intact).
       */
      getIn(path, keepScalar) {
        if (Collection.isEmptyPath(path))
          return !keepScalar && identity2.isScalar(this.contents) ? this.contents.value : this.contents;
        return identity2.isCollection(this.contents) ? this.contents.getIn(path, keepScalar) : void 0;
      }
      /**
       * Checks if the document includes a value with the key `key`.
       */
      has(key) {
        return identity2.isCollection(this.contents) ? this.contents.has(key) : false;
      }
      /**
       * Checks if the document includes a value at `path`.
       */
      hasIn(path) {
        if (Collection.isEmptyPath(path))
          return this.contents !== void 0;
        return identity2.isCollection(this.contents) ? this.contents.hasIn(path) : false;
      }
      /**
       * Sets a value in this document. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       */
      set(key, value) {
        if (this.contents == null) {
          this.contents = Collection.collectionFromPath(this.schema, [key], value);
        } else if (assertCollection(this.contents)) {
          this.contents.set(key, value);
        }
      }
      /**
       * Sets a value in this document. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       */
      setIn(path, value) {
        if (Collection.isEmptyPath(path)) {
          this.contents = value;
        } else if (this.contents == null) {
          this.contents = Collection.collectionFromPath(this.schema, Array.from(path), value);
        } else if (assertCollection(this.contents)) {
          this.contents.setIn(path, value);
        }
      }
      /**
       * Change the YAML version and schema used by the document.
       * A `null` version disables support for directives, explicit tags, anchors, and aliases.
       * It also requires the `schema` option to be given as a `Schema` instance value.
       *
       * Overrides all previously set schema options.
       */
      setSchema(version, options = {}) {
        if (typeof version === "number")
          version = String(version);
        let opt;
        switch (version) {
          case "1.1":
            if (this.directives)
              this.directives.yaml.version = "1.1";
            else
              this.directives = new directives.Directives({ version: "1.1" });
            opt = { resolveKnownTags: false, schema: "yaml-1.1" };
            break;
          case "1.2":
          case "next":
            if (this.directives)
              this.directives.yaml.version = version;
            else
              this.directives = new directives.Directives({ version });
            opt = { resolveKnownTags: true, schema: "core" };
            break;
          case null:
            if (this.directives)
              delete this.directives;
            opt = null;
            break;
          default: {
            const sv = JSON.stringify(version);
            throw new Error(`Expected '1.1', '1.2' or null as first argument, but found: ${sv}`);
          }
        }
        if (options.schema instanceof Object)
          this.schema = options.schema;
        else if (opt)
          this.schema = new Schema.Schema(Object.assign(opt, options));
        else
          throw new Error(`With a null YAML version, the { schema: Schema } option is required`);
      }
      // json & jsonArg are only used from toJSON()
      toJS({ json, jsonArg, mapAsMap, maxAliasCount, onAnchor, reviver } = {}) {
        const ctx = {
          anchors: /* @__PURE__ */ new Map(),
          doc: this,
          keep: !json,
          mapAsMap: mapAsMap === true,
          mapKeyWarned: false,
          maxAliasCount: typeof maxAliasCount === "number" ? maxAliasCount : 100
        };
        const res = toJS.toJS(this.contents, jsonArg ?? "", ctx);
        if (typeof onAnchor === "function")
          for (const { count, res: res2 } of ctx.anchors.values())
            onAnchor(res2, count);
        return typeof reviver === "function" ? applyReviver.applyReviver(reviver, { "": res }, "", res) : res;
      }
      /**
       * A JSON representation of the document `contents`.
       *
       * @param jsonArg Used by `JSON.stringify` to indicate the array index or
       *   property name.
       */
      toJSON(jsonArg, onAnchor) {
        return this.toJS({ json: true, jsonArg, mapAsMap: false, onAnchor });
      }
      /** A YAML representation of the document. */
      toString(options = {}) {
        if (this.errors.length > 0)
          throw new Error("Document with errors cannot be stringified");
        if ("indent" in options && (!Number.isInteger(options.indent) || Number(options.indent) <= 0)) {
          const s = JSON.stringify(options.indent);
          throw new Error(`"indent" option must be a positive integer, not ${s}`);
        }
        return stringifyDocument.stringifyDocument(this, options);
      }
    };
    function assertCollection(contents) {
      if (identity2.isCollection(contents))
        return true;
      throw new Error("Expected a YAML collection as document contents");
    }
    exports.Document = Document;
  }
});

// node_modules/yaml/dist/errors.js
var require_errors = __commonJS({
  "node_modules/yaml/dist/errors.js"(exports) {
    "use strict";
    var YAMLError = class extends Error {
      constructor(name2, pos, code2, message) {
        super();
        this.name = name2;
        this.code = code2;
        this.message = message;
        this.pos = pos;
      }
    };
    var YAMLParseError = class extends YAMLError {
      constructor(pos, code2, message) {
        super("YAMLParseError", pos, code2, message);
      }
    };
    var YAMLWarning = class extends YAMLError {
      constructor(pos, code2, message) {
        super("YAMLWarning", pos, code2, message);
      }
    };
    var prettifyError = (src, lc) => (error) => {
      if (error.pos[0] === -1)
        return;
      error.linePos = error.pos.map((pos) => lc.linePos(pos));
      const { line, col } = error.linePos[0];
      error.message += ` at line ${line}, column ${col}`;
      let ci = col - 1;
      let lineStr = src.substring(lc.lineStarts[line - 1], lc.lineStarts[line]).replace(/[\n\r]+$/, "");
      if (ci >= 60 && lineStr.length > 80) {
        const trimStart = Math.min(ci - 39, lineStr.length - 79);
        lineStr = "\u2026" + lineStr.substring(trimStart);
        ci -= trimStart - 1;
      }
      if (lineStr.length > 80)
        lineStr = lineStr.substring(0, 79) + "\u2026";
      if (line > 1 && /^ *$/.test(lineStr.substring(0, ci))) {
        let prev = src.substring(lc.lineStarts[line - 2], lc.lineStarts[line - 1]);
        if (prev.length > 80)
          prev = prev.substring(0, 79) + "\u2026\n";
        lineStr = prev + lineStr;
      }
      if (/[^ ]/.test(lineStr)) {
        let count = 1;
        const end = error.linePos[1];
        if (end?.line === line && end.col > col) {
          count = Math.max(1, Math.min(end.col - col, 80 - ci));
        }
        const pointer = " ".repeat(ci) + "^".repeat(count);
        error.message += `:

${lineStr}
${pointer}
`;
      }
    };
    exports.YAMLError = YAMLError;
    exports.YAMLParseError = YAMLParseError;
    exports.YAMLWarning = YAMLWarning;
    exports.prettifyError = prettifyError;
  }
});

// node_modules/yaml/dist/compose/resolve-props.js
var require_resolve_props = __commonJS({
  "node_modules/yaml/dist/compose/resolve-props.js"(exports) {
    "use strict";
    function resolveProps(tokens2, { flow, indicator, next, offset, onError, parentIndent, startOnNewline }) {
      let spaceBefore = false;
      let atNewline = startOnNewline;
      let hasSpace = startOnNewline;
      let comment2 = "";
      let commentSep = "";
      let hasNewline = false;
      let reqSpace = false;
      let tab2 = null;
      let anchor = null;
      let tag = null;
      let newlineAfterProp = null;
      let comma = null;
      let found = null;
      let start = null;
      for (const token of tokens2) {
        if (reqSpace) {
          if (token.type !== "space" && token.type !== "newline" && token.type !== "comma")
            onError(token.offset, "MISSING_CHAR", "Tags and anchors must be separated from the next token by white space");
          reqSpace = false;
        }
        if (tab2) {
          if (atNewline && token.type !== "comment" && token.type !== "newline") {
            onError(tab2, "TAB_AS_INDENT", "Tabs are not allowed as indentation");
          }
          tab2 = null;
        }
        switch (token.type) {
          case "space":
            if (!flow && (indicator !== "doc-start" || next?.type !== "flow-collection") && token.source.includes("	")) {
              tab2 = token;
            }
            hasSpace = true;
            break;
          case "comment": {
            if (!hasSpace)
              onError(token, "MISSING_CHAR", "Comments must be separated from other tokens by white space characters");
            const cb = token.source.substring(1) || " ";
            if (!comment2)
              comment2 = cb;
            else
              comment2 += commentSep + cb;
            commentSep = "";
            atNewline = false;
            break;
          }
          case "newline":
            if (atNewline) {
              if (comment2)
                comment2 += token.source;
              else if (!found || indicator !== "seq-item-ind")
                spaceBefore = true;
            } else
              commentSep += token.source;
            atNewline = true;
            hasNewline = true;
            if (anchor || tag)
              newlineAfterProp = token;
            hasSpace = true;
            break;
          case "anchor":
            if (anchor)
              onError(token, "MULTIPLE_ANCHORS", "A node can have at most one anchor");
            if (token.source.endsWith(":"))
              onError(token.offset + token.source.length - 1, "BAD_ALIAS", "Anchor ending in : is ambiguous", true);
            anchor = token;
            start ?? (start = token.offset);
            atNewline = false;
            hasSpace = false;
            reqSpace = true;
            break;
          case "tag": {
            if (tag)
              onError(token, "MULTIPLE_TAGS", "A node can have at most one tag");
            tag = token;
            start ?? (start = token.offset);
            atNewline = false;
            hasSpace = false;
            reqSpace = true;
            break;
          }
          case indicator:
            if (anchor || tag)
              onError(token, "BAD_PROP_ORDER", `Anchors and tags must be after the ${token.source} indicator`);
            if (found)
              onError(token, "UNEXPECTED_TOKEN", `Unexpected ${token.source} in ${flow ?? "collection"}`);
            found = token;
            atNewline = indicator === "seq-item-ind" || indicator === "explicit-key-ind";
            hasSpace = false;
            break;
          case "comma":
            if (flow) {
              if (comma)
                onError(token, "UNEXPECTED_TOKEN", `Unexpected , in ${flow}`);
              comma = token;
              atNewline = false;
              hasSpace = false;
              break;
            }
          // else fallthrough
          default:
            onError(token, "UNEXPECTED_TOKEN", `Unexpected ${token.type} token`);
            atNewline = false;
            hasSpace = false;
        }
      }
      const last = tokens2[tokens2.length - 1];
      const end = last ? last.offset + last.source.length : offset;
      if (reqSpace && next && next.type !== "space" && next.type !== "newline" && next.type !== "comma" && (next.type !== "scalar" || next.source !== "")) {
        onError(next.offset, "MISSING_CHAR", "Tags and anchors must be separated from the next token by white space");
      }
      if (tab2 && (atNewline && tab2.indent <= parentIndent || next?.type === "block-map" || next?.type === "block-seq"))
        onError(tab2, "TAB_AS_INDENT", "Tabs are not allowed as indentation");
      return {
        comma,
        found,
        spaceBefore,
        comment: comment2,
        hasNewline,
        anchor,
        tag,
        newlineAfterProp,
        end,
        start: start ?? end
      };
    }
    exports.resolveProps = resolveProps;
  }
});

// node_modules/yaml/dist/compose/util-contains-newline.js
var require_util_contains_newline = __commonJS({
  "node_modules/yaml/dist/compose/util-contains-newline.js"(exports) {
    "use strict";
    function containsNewline(key) {
      if (!key)
        return null;
      switch (key.type) {
        case "alias":
        case "scalar":
        case "double-quoted-scalar":
        case "single-quoted-scalar":
          if (key.source.includes("\n"))
            return true;
          if (key.end) {
            for (const st of key.end)
              if (st.type === "newline")
                return true;
          }
          return false;
        case "flow-collection":
          for (const it of key.items) {
            for (const st of it.start)
              if (st.type === "newline")
                return true;
            if (it.sep) {
              for (const st of it.sep)
                if (st.type === "newline")
                  return true;
            }
            if (containsNewline(it.key) || containsNewline(it.value))
              return true;
          }
          return false;
        default:
          return true;
      }
    }
    exports.containsNewline = containsNewline;
  }
});

// node_modules/yaml/dist/compose/util-flow-indent-check.js
var require_util_flow_indent_check = __commonJS({
  "node_modules/yaml/dist/compose/util-flow-indent-check.js"(exports) {
    "use strict";
    var utilContainsNewline = require_util_contains_newline();
    function flowIndentCheck(indent2, fc, onError) {
      if (fc?.type === "flow-collection") {
        const end = fc.end[0];
        if (end.indent === indent2 && (end.source === "]" || end.source === "}") && utilContainsNewline.containsNewline(fc)) {
          const msg2 = "Flow end indicator should be more indented than parent";
          onError(end, "BAD_INDENT", msg2, true);
        }
      }
    }
    exports.flowIndentCheck = flowIndentCheck;
  }
});

// node_modules/yaml/dist/compose/util-map-includes.js
var require_util_map_includes = __commonJS({
  "node_modules/yaml/dist/compose/util-map-includes.js"(exports) {
    "use strict";
    var identity2 = require_identity();
    function mapIncludes(ctx, items, search) {
      const { uniqueKeys } = ctx.options;
      if (uniqueKeys === false)
        return false;
      const isEqual = typeof uniqueKeys === "function" ? uniqueKeys : (a, b) => a === b || identity2.isScalar(a) && identity2.isScalar(b) && a.value === b.value;
      return items.some((pair2) => isEqual(pair2.key, search));
    }
    exports.mapIncludes = mapIncludes;
  }
});

// node_modules/yaml/dist/compose/resolve-block-map.js
var require_resolve_block_map = __commonJS({
  "node_modules/yaml/dist/compose/resolve-block-map.js"(exports) {
    "use strict";
    var Pair = require_Pair();
    var YAMLMap = require_YAMLMap();
    var resolveProps = require_resolve_props();
    var utilContainsNewline = require_util_contains_newline();
    var utilFlowIndentCheck = require_util_flow_indent_check();
    var utilMapIncludes = require_util_map_includes();
    var startColMsg = "All mapping items must start at the same column";
    function resolveBlockMap({ composeNode, composeEmptyNode }, ctx, bm, onError, tag) {
      const NodeClass = tag?.nodeClass ?? YAMLMap.YAMLMap;
      const map = new NodeClass(ctx.schema);
      if (ctx.atRoot)
        ctx.atRoot = false;
      let offset = bm.offset;
      let commentEnd = null;
      for (const collItem of bm.items) {
        const { start, key, sep: sep2, value } = collItem;
        const keyProps = resolveProps.resolveProps(start, {
          indicator: "explicit-key-ind",
          next: key ?? sep2?.[0],
          offset,
          onError,
          parentIndent: bm.indent,
          startOnNewline: true
        });
        const implicitKey = !keyProps.found;
        if (implicitKey) {
          if (key) {
            if (key.type === "block-seq")
              onError(offset, "BLOCK_AS_IMPLICIT_KEY", "A block sequence may not be used as an implicit map key");
            else if ("indent" in key && key.indent !== bm.indent)
              onError(offset, "BAD_INDENT", startColMsg);
          }
          if (!keyProps.anchor && !keyProps.tag && !sep2) {
            commentEnd = keyProps.end;
            if (keyProps.comment) {
              if (map.comment)
                map.comment += "\n" + keyProps.comment;
              else
                map.comment = keyProps.comment;
            }
            continue;
          }
          if (keyProps.newlineAfterProp || utilContainsNewline.containsNewline(key)) {
            onError(key ?? start[start.length - 1], "MULTILINE_IMPLICIT_KEY", "Implicit keys need to be on a single line");
          }
        } else if (keyProps.found?.indent !== bm.indent) {
          onError(offset, "BAD_INDENT", startColMsg);
        }
        ctx.atKey = true;
        const keyStart = keyProps.end;
        const keyNode = key ? composeNode(ctx, key, keyProps, onError) : composeEmptyNode(ctx, keyStart, start, null, keyProps, onError);
        if (ctx.schema.compat)
          utilFlowIndentCheck.flowIndentCheck(bm.indent, key, onError);
        ctx.atKey = false;
        if (utilMapIncludes.mapIncludes(ctx, map.items, keyNode))
          onError(keyStart, "DUPLICATE_KEY", "Map keys must be unique");
        const valueProps = resolveProps.resolveProps(sep2 ?? [], {
          indicator: "map-value-ind",
          next: value,
          offset: keyNode.range[2],
          onError,
          parentIndent: bm.indent,
          startOnNewline: !key || key.type === "block-scalar"
        });
        offset = valueProps.end;
        if (valueProps.found) {
          if (implicitKey) {
            if (value?.type === "block-map" && !valueProps.hasNewline)
              onError(offset, "BLOCK_AS_IMPLICIT_KEY", "Nested mappings are not allowed in compact mappings");
            if (ctx.options.strict && keyProps.start < valueProps.found.offset - 1024)
              onError(keyNode.range, "KEY_OVER_1024_CHARS", "The : indicator must be at most 1024 chars after the start of an implicit block mapping key");
          }
          const valueNode = value ? composeNode(ctx, value, valueProps, onError) : composeEmptyNode(ctx, offset, sep2, null, valueProps, onError);
          if (ctx.schema.compat)
            utilFlowIndentCheck.flowIndentCheck(bm.indent, value, onError);
          offset = valueNode.range[2];
          const pair2 = new Pair.Pair(keyNode, valueNode);
          if (ctx.options.keepSourceTokens)
            pair2.srcToken = collItem;
          map.items.push(pair2);
        } else {
          if (implicitKey)
            onError(keyNode.range, "MISSING_CHAR", "Implicit map keys need to be followed by map values");
          if (valueProps.comment) {
            if (keyNode.comment)
              keyNode.comment += "\n" + valueProps.comment;
            else
              keyNode.comment = valueProps.comment;
          }
          const pair2 = new Pair.Pair(keyNode);
          if (ctx.options.keepSourceTokens)
            pair2.srcToken = collItem;
          map.items.push(pair2);
        }
      }
      if (commentEnd && commentEnd < offset)
        onError(commentEnd, "IMPOSSIBLE", "Map comment with trailing content");
      map.range = [bm.offset, offset, commentEnd ?? offset];
      return map;
    }
    exports.resolveBlockMap = resolveBlockMap;
  }
});

// node_modules/yaml/dist/compose/resolve-block-seq.js
var require_resolve_block_seq = __commonJS({
  "node_modules/yaml/dist/compose/resolve-block-seq.js"(exports) {
    "use strict";
    var YAMLSeq = require_YAMLSeq();
    var resolveProps = require_resolve_props();
    var utilFlowIndentCheck = require_util_flow_indent_check();
    function resolveBlockSeq({ composeNode, composeEmptyNode }, ctx, bs, onError, tag) {
      const NodeClass = tag?.nodeClass ?? YAMLSeq.YAMLSeq;
      const seq = new NodeClass(ctx.schema);
      if (ctx.atRoot)
        ctx.atRoot = false;
      if (ctx.atKey)
        ctx.atKey = false;
      let offset = bs.offset;
      let commentEnd = null;
      for (const { start, value } of bs.items) {
        const props = resolveProps.resolveProps(start, {
          indicator: "seq-item-ind",
          next: value,
          offset,
          onError,
          parentIndent: bs.indent,
          startOnNewline: true
        });
        if (!props.found) {
          if (props.anchor || props.tag || value) {
            if (value?.type === "block-seq")
              onError(props.end, "BAD_INDENT", "All sequence items must start at the same column");
            else
              onError(offset, "MISSING_CHAR", "Sequence item without - indicator");
          } else {
            commentEnd = props.end;
            if (props.comment)
              seq.comment = props.comment;
            continue;
          }
        }
        const node = value ? composeNode(ctx, value, props, onError) : composeEmptyNode(ctx, props.end, start, null, props, onError);
        if (ctx.schema.compat)
          utilFlowIndentCheck.flowIndentCheck(bs.indent, value, onError);
        offset = node.range[2];
        seq.items.push(node);
      }
      seq.range = [bs.offset, offset, commentEnd ?? offset];
      return seq;
    }
    exports.resolveBlockSeq = resolveBlockSeq;
  }
});

// node_modules/yaml/dist/compose/resolve-end.js
var require_resolve_end = __commonJS({
  "node_modules/yaml/dist/compose/resolve-end.js"(exports) {
    "use strict";
    function resolveEnd(end, offset, reqSpace, onError) {
      let comment2 = "";
      if (end) {
        let hasSpace = false;
        let sep2 = "";
        for (const token of end) {
          const { source, type } = token;
          switch (type) {
            case "space":
              hasSpace = true;
              break;
            case "comment": {
              if (reqSpace && !hasSpace)
                onError(token, "MISSING_CHAR", "Comments must be separated from other tokens by white space characters");
              const cb = source.substring(1) || " ";
              if (!comment2)
                comment2 = cb;
              else
                comment2 += sep2 + cb;
              sep2 = "";
              break;
            }
            case "newline":
              if (comment2)
                sep2 += source;
              hasSpace = true;
              break;
            default:
              onError(token, "UNEXPECTED_TOKEN", `Unexpected ${type} at node end`);
          }
          offset += source.length;
        }
      }
      return { comment: comment2, offset };
    }
    exports.resolveEnd = resolveEnd;
  }
});

// node_modules/yaml/dist/compose/resolve-flow-collection.js
var require_resolve_flow_collection = __commonJS({
  "node_modules/yaml/dist/compose/resolve-flow-collection.js"(exports) {
    "use strict";
    var identity2 = require_identity();
    var Pair = require_Pair();
    var YAMLMap = require_YAMLMap();
    var YAMLSeq = require_YAMLSeq();
    var resolveEnd = require_resolve_end();
    var resolveProps = require_resolve_props();
    var utilContainsNewline = require_util_contains_newline();
    var utilMapIncludes = require_util_map_includes();
    var blockMsg = "Block collections are not allowed within flow collections";
    var isBlock = (token) => token && (token.type === "block-map" || token.type === "block-seq");
    function resolveFlowCollection({ composeNode, composeEmptyNode }, ctx, fc, onError, tag) {
      const isMap2 = fc.start.source === "{";
      const fcName = isMap2 ? "flow map" : "flow sequence";
      const NodeClass = tag?.nodeClass ?? (isMap2 ? YAMLMap.YAMLMap : YAMLSeq.YAMLSeq);
      const coll = new NodeClass(ctx.schema);
      coll.flow = true;
      const atRoot = ctx.atRoot;
      if (atRoot)
        ctx.atRoot = false;
      if (ctx.atKey)
        ctx.atKey = false;
      let offset = fc.offset + fc.start.source.length;
      for (let i = 0; i < fc.items.length; ++i) {
        const collItem = fc.items[i];
        const { start, key, sep: sep2, value } = collItem;
        const props = resolveProps.resolveProps(start, {
          flow: fcName,
          indicator: "explicit-key-ind",
          next: key ?? sep2?.[0],
          offset,
          onError,
          parentIndent: fc.indent,
          startOnNewline: false
        });
        if (!props.found) {
          if (!props.anchor && !props.tag && !sep2 && !value) {
            if (i === 0 && props.comma)
              onError(props.comma, "UNEXPECTED_TOKEN", `Unexpected , in ${fcName}`);
            else if (i < fc.items.length - 1)
              onError(props.start, "UNEXPECTED_TOKEN", `Unexpected empty item in ${fcName}`);
            if (props.comment) {
              if (coll.comment)
                coll.comment += "\n" + props.comment;
              else
                coll.comment = props.comment;
            }
            offset = props.end;
            continue;
          }
          if (!isMap2 && ctx.options.strict && utilContainsNewline.containsNewline(key))
            onError(
              key,
              // checked by containsNewline()
              "MULTILINE_IMPLICIT_KEY",
              "Implicit keys of flow sequence pairs need to be on a single line"
            );
        }
        if (i === 0) {
          if (props.comma)
            onError(props.comma, "UNEXPECTED_TOKEN", `Unexpected , in ${fcName}`);
        } else {
          if (!props.comma)
            onError(props.start, "MISSING_CHAR", `Missing , between ${fcName} items`);
          if (props.comment) {
            let prevItemComment = "";
            loop: for (const st of start) {
              switch (st.type) {
                case "comma":
                case "space":
                  break;
                case "comment":
                  prevItemComment = st.source.substring(1);
                  break loop;
                default:
                  break loop;
              }
            }
            if (prevItemComment) {
              let prev = coll.items[coll.items.length - 1];
              if (identity2.isPair(prev))
                prev = prev.value ?? prev.key;
              if (prev.comment)
                prev.comment += "\n" + prevItemComment;
              else
                prev.comment = prevItemComment;
              props.comment = props.comment.substring(prevItemComment.length + 1);
            }
          }
        }
        if (!isMap2 && !sep2 && !props.found) {
          const valueNode = value ? composeNode(ctx, value, props, onError) : composeEmptyNode(ctx, props.end, sep2, null, props, onError);
          coll.items.push(valueNode);
          offset = valueNode.range[2];
          if (isBlock(value))
            onError(valueNode.range, "BLOCK_IN_FLOW", blockMsg);
        } else {
          ctx.atKey = true;
          const keyStart = props.end;
          const keyNode = key ? composeNode(ctx, key, props, onError) : composeEmptyNode(ctx, keyStart, start, null, props, onError);
          if (isBlock(key))
            onError(keyNode.range, "BLOCK_IN_FLOW", blockMsg);
          ctx.atKey = false;
          const valueProps = resolveProps.resolveProps(sep2 ?? [], {
            flow: fcName,
            indicator: "map-value-ind",
            next: value,
            offset: keyNode.range[2],
            onError,
            parentIndent: fc.indent,
            startOnNewline: false
          });
          if (valueProps.found) {
            if (!isMap2 && !props.found && ctx.options.strict) {
              if (sep2)
                for (const st of sep2) {
                  if (st === valueProps.found)
                    break;
                  if (st.type === "newline") {
                    onError(st, "MULTILINE_IMPLICIT_KEY", "Implicit keys of flow sequence pairs need to be on a single line");
                    break;
                  }
                }
              if (props.start < valueProps.found.offset - 1024)
                onError(valueProps.found, "KEY_OVER_1024_CHARS", "The : indicator must be at most 1024 chars after the start of an implicit flow sequence key");
            }
          } else if (value) {
            if ("source" in value && value.source?.[0] === ":")
              onError(value, "MISSING_CHAR", `Missing space after : in ${fcName}`);
            else
              onError(valueProps.start, "MISSING_CHAR", `Missing , or : between ${fcName} items`);
          }
          const valueNode = value ? composeNode(ctx, value, valueProps, onError) : valueProps.found ? composeEmptyNode(ctx, valueProps.end, sep2, null, valueProps, onError) : null;
          if (valueNode) {
            if (isBlock(value))
              onError(valueNode.range, "BLOCK_IN_FLOW", blockMsg);
          } else if (valueProps.comment) {
            if (keyNode.comment)
              keyNode.comment += "\n" + valueProps.comment;
            else
              keyNode.comment = valueProps.comment;
          }
          const pair2 = new Pair.Pair(keyNode, valueNode);
          if (ctx.options.keepSourceTokens)
            pair2.srcToken = collItem;
          if (isMap2) {
            const map = coll;
            if (utilMapIncludes.mapIncludes(ctx, map.items, keyNode))
              onError(keyStart, "DUPLICATE_KEY", "Map keys must be unique");
            map.items.push(pair2);
          } else {
            const map = new YAMLMap.YAMLMap(ctx.schema);
            map.flow = true;
            map.items.push(pair2);
            const endRange = (valueNode ?? keyNode).range;
            map.range = [keyNode.range[0], endRange[1], endRange[2]];
            coll.items.push(map);
          }
          offset = valueNode ? valueNode.range[2] : valueProps.end;
        }
      }
      const expectedEnd = isMap2 ? "}" : "]";
      const [ce, ...ee] = fc.end;
      let cePos = offset;
      if (ce?.source === expectedEnd)
        cePos = ce.offset + ce.source.length;
      else {
        const name2 = fcName[0].toUpperCase() + fcName.substring(1);
        const msg2 = atRoot ? `${name2} must end with a ${expectedEnd}` : `${name2} in block collection must be sufficiently indented and end with a ${expectedEnd}`;
        onError(offset, atRoot ? "MISSING_CHAR" : "BAD_INDENT", msg2);
        if (ce && ce.source.length !== 1)
          ee.unshift(ce);
      }
      if (ee.length > 0) {
        const end = resolveEnd.resolveEnd(ee, cePos, ctx.options.strict, onError);
        if (end.comment) {
          if (coll.comment)
            coll.comment += "\n" + end.comment;
          else
            coll.comment = end.comment;
        }
        coll.range = [fc.offset, cePos, end.offset];
      } else {
        coll.range = [fc.offset, cePos, cePos];
      }
      return coll;
    }
    exports.resolveFlowCollection = resolveFlowCollection;
  }
});

// node_modules/yaml/dist/compose/compose-collection.js
var require_compose_collection = __commonJS({
  "node_modules/yaml/dist/compose/compose-collection.js"(exports) {
    "use strict";
    var identity2 = require_identity();
    var Scalar = require_Scalar();
    var YAMLMap = require_YAMLMap();
    var YAMLSeq = require_YAMLSeq();
    var resolveBlockMap = require_resolve_block_map();
    var resolveBlockSeq = require_resolve_block_seq();
    var resolveFlowCollection = require_resolve_flow_collection();
    function resolveCollection(CN, ctx, token, onError, tagName, tag) {
      const coll = token.type === "block-map" ? resolveBlockMap.resolveBlockMap(CN, ctx, token, onError, tag) : token.type === "block-seq" ? resolveBlockSeq.resolveBlockSeq(CN, ctx, token, onError, tag) : resolveFlowCollection.resolveFlowCollection(CN, ctx, token, onError, tag);
      const Coll = coll.constructor;
      if (tagName === "!" || tagName === Coll.tagName) {
        coll.tag = Coll.tagName;
        return coll;
      }
      if (tagName)
        coll.tag = tagName;
      return coll;
    }
    function composeCollection(CN, ctx, token, props, onError) {
      const tagToken = props.tag;
      const tagName = !tagToken ? null : ctx.directives.tagName(tagToken.source, (msg2) => onError(tagToken, "TAG_RESOLVE_FAILED", msg2));
      if (token.type === "block-seq") {
        const { anchor, newlineAfterProp: nl } = props;
        const lastProp = anchor && tagToken ? anchor.offset > tagToken.offset ? anchor : tagToken : anchor ?? tagToken;
        if (lastProp && (!nl || nl.offset < lastProp.offset)) {
          const message = "Missing newline after block sequence props";
          onError(lastProp, "MISSING_CHAR", message);
        }
      }
      const expType = token.type === "block-map" ? "map" : token.type === "block-seq" ? "seq" : token.start.source === "{" ? "map" : "seq";
      if (!tagToken || !tagName || tagName === "!" || tagName === YAMLMap.YAMLMap.tagName && expType === "map" || tagName === YAMLSeq.YAMLSeq.tagName && expType === "seq") {
        return resolveCollection(CN, ctx, token, onError, tagName);
      }
      let tag = ctx.schema.tags.find((t2) => t2.tag === tagName && t2.collection === expType);
      if (!tag) {
        const kt = ctx.schema.knownTags[tagName];
        if (kt?.collection === expType) {
          ctx.schema.tags.push(Object.assign({}, kt, { default: false }));
          tag = kt;
        } else {
          if (kt) {
            onError(tagToken, "BAD_COLLECTION_TYPE", `${kt.tag} used for ${expType} collection, but expects ${kt.collection ?? "scalar"}`, true);
          } else {
            onError(tagToken, "TAG_RESOLVE_FAILED", `Unresolved tag: ${tagName}`, true);
          }
          return resolveCollection(CN, ctx, token, onError, tagName);
        }
      }
      const coll = resolveCollection(CN, ctx, token, onError, tagName, tag);
      const res = tag.resolve?.(coll, (msg2) => onError(tagToken, "TAG_RESOLVE_FAILED", msg2), ctx.options) ?? coll;
      const node = identity2.isNode(res) ? res : new Scalar.Scalar(res);
      node.range = coll.range;
      node.tag = tagName;
      if (tag?.format)
        node.format = tag.format;
      return node;
    }
    exports.composeCollection = composeCollection;
  }
});

// node_modules/yaml/dist/compose/resolve-block-scalar.js
var require_resolve_block_scalar = __commonJS({
  "node_modules/yaml/dist/compose/resolve-block-scalar.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    function resolveBlockScalar(ctx, scalar, onError) {
      const start = scalar.offset;
      const header = parseBlockScalarHeader(scalar, ctx.options.strict, onError);
      if (!header)
        return { value: "", type: null, comment: "", range: [start, start, start] };
      const type = header.mode === ">" ? Scalar.Scalar.BLOCK_FOLDED : Scalar.Scalar.BLOCK_LITERAL;
      const lines = scalar.source ? splitLines(scalar.source) : [];
      let chompStart = lines.length;
      for (let i = lines.length - 1; i >= 0; --i) {
        const content2 = lines[i][1];
        if (content2 === "" || content2 === "\r")
          chompStart = i;
        else
          break;
      }
      if (chompStart === 0) {
        const value2 = header.chomp === "+" && lines.length > 0 ? "\n".repeat(Math.max(1, lines.length - 1)) : "";
        let end2 = start + header.length;
        if (scalar.source)
          end2 += scalar.source.length;
        return { value: value2, type, comment: header.comment, range: [start, end2, end2] };
      }
      let trimIndent = scalar.indent + header.indent;
      let offset = scalar.offset + header.length;
      let contentStart = 0;
      for (let i = 0; i < chompStart; ++i) {
        const [indent2, content2] = lines[i];
        if (content2 === "" || content2 === "\r") {
          if (header.indent === 0 && indent2.length > trimIndent)
            trimIndent = indent2.length;
        } else {
          if (indent2.length < trimIndent) {
            const message = "Block scalars with more-indented leading empty lines must use an explicit indentation indicator";
            onError(offset + indent2.length, "MISSING_CHAR", message);
          }
          if (header.indent === 0)
            trimIndent = indent2.length;
          contentStart = i;
          if (trimIndent === 0 && !ctx.atRoot) {
            const message = "Block scalar values in collections must be indented";
            onError(offset, "BAD_INDENT", message);
          }
          break;
        }
        offset += indent2.length + content2.length + 1;
      }
      for (let i = lines.length - 1; i >= chompStart; --i) {
        if (lines[i][0].length > trimIndent)
          chompStart = i + 1;
      }
      let value = "";
      let sep2 = "";
      let prevMoreIndented = false;
      for (let i = 0; i < contentStart; ++i)
        value += lines[i][0].slice(trimIndent) + "\n";
      for (let i = contentStart; i < chompStart; ++i) {
        let [indent2, content2] = lines[i];
        offset += indent2.length + content2.length + 1;
        const crlf = content2[content2.length - 1] === "\r";
        if (crlf)
          content2 = content2.slice(0, -1);
        if (content2 && indent2.length < trimIndent) {
          const src = header.indent ? "explicit indentation indicator" : "first line";
          const message = `Block scalar lines must not be less indented than their ${src}`;
          onError(offset - content2.length - (crlf ? 2 : 1), "BAD_INDENT", message);
          indent2 = "";
        }
        if (type === Scalar.Scalar.BLOCK_LITERAL) {
          value += sep2 + indent2.slice(trimIndent) + content2;
          sep2 = "\n";
        } else if (indent2.length > trimIndent || content2[0] === "	") {
          if (sep2 === " ")
            sep2 = "\n";
          else if (!prevMoreIndented && sep2 === "\n")
            sep2 = "\n\n";
          value += sep2 + indent2.slice(trimIndent) + content2;
          sep2 = "\n";
          prevMoreIndented = true;
        } else if (content2 === "") {
          if (sep2 === "\n")
            value += "\n";
          else
            sep2 = "\n";
        } else {
          value += sep2 + content2;
          sep2 = " ";
          prevMoreIndented = false;
        }
      }
      switch (header.chomp) {
        case "-":
          break;
        case "+":
          for (let i = chompStart; i < lines.length; ++i)
            value += "\n" + lines[i][0].slice(trimIndent);
          if (value[value.length - 1] !== "\n")
            value += "\n";
          break;
        default:
          value += "\n";
      }
      const end = start + header.length + scalar.source.length;
      return { value, type, comment: header.comment, range: [start, end, end] };
    }
    function parseBlockScalarHeader({ offset, props }, strict, onError) {
      if (props[0].type !== "block-scalar-header") {
        onError(props[0], "IMPOSSIBLE", "Block scalar header not found");
        return null;
      }
      const { source } = props[0];
      const mode = source[0];
      let indent2 = 0;
      let chomp = "";
      let error = -1;
      for (let i = 1; i < source.length; ++i) {
        const ch = source[i];
        if (!chomp && (ch === "-" || ch === "+"))
          chomp = ch;
        else {
          const n = Number(ch);
          if (!indent2 && n)
            indent2 = n;
          else if (error === -1)
            error = offset + i;
        }
      }
      if (error !== -1)
        onError(error, "UNEXPECTED_TOKEN", `Block scalar header includes extra characters: ${source}`);
      let hasSpace = false;
      let comment2 = "";
      let length = source.length;
      for (let i = 1; i < props.length; ++i) {
        const token = props[i];
        switch (token.type) {
          case "space":
            hasSpace = true;
          // fallthrough
          case "newline":
            length += token.source.length;
            break;
          case "comment":
            if (strict && !hasSpace) {
              const message = "Comments must be separated from other tokens by white space characters";
              onError(token, "MISSING_CHAR", message);
            }
            length += token.source.length;
            comment2 = token.source.substring(1);
            break;
          case "error":
            onError(token, "UNEXPECTED_TOKEN", token.message);
            length += token.source.length;
            break;
          /* istanbul ignore next should not happen */
          default: {
            const message = `Unexpected token in block scalar header: ${token.type}`;
            onError(token, "UNEXPECTED_TOKEN", message);
            const ts = token.source;
            if (ts && typeof ts === "string")
              length += ts.length;
          }
        }
      }
      return { mode, indent: indent2, chomp, comment: comment2, length };
    }
    function splitLines(source) {
      const split = source.split(/\n( *)/);
      const first = split[0];
      const m = first.match(/^( *)/);
      const line0 = m?.[1] ? [m[1], first.slice(m[1].length)] : ["", first];
      const lines = [line0];
      for (let i = 1; i < split.length; i += 2)
        lines.push([split[i], split[i + 1]]);
      return lines;
    }
    exports.resolveBlockScalar = resolveBlockScalar;
  }
});

// node_modules/yaml/dist/compose/resolve-flow-scalar.js
var require_resolve_flow_scalar = __commonJS({
  "node_modules/yaml/dist/compose/resolve-flow-scalar.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var resolveEnd = require_resolve_end();
    function resolveFlowScalar(scalar, strict, onError) {
      const { offset, type, source, end } = scalar;
      let _type;
      let value;
      const _onError = (rel, code2, msg2) => onError(offset + rel, code2, msg2);
      switch (type) {
        case "scalar":
          _type = Scalar.Scalar.PLAIN;
          value = plainValue(source, _onError);
          break;
        case "single-quoted-scalar":
          _type = Scalar.Scalar.QUOTE_SINGLE;
          value = singleQuotedValue(source, _onError);
          break;
        case "double-quoted-scalar":
          _type = Scalar.Scalar.QUOTE_DOUBLE;
          value = doubleQuotedValue(source, _onError);
          break;
        /* istanbul ignore next should not happen */
        default:
          onError(scalar, "UNEXPECTED_TOKEN", `Expected a flow scalar value, but found: ${type}`);
          return {
            value: "",
            type: null,
            comment: "",
            range: [offset, offset + source.length, offset + source.length]
          };
      }
      const valueEnd = offset + source.length;
      const re = resolveEnd.resolveEnd(end, valueEnd, strict, onError);
      return {
        value,
        type: _type,
        comment: re.comment,
        range: [offset, valueEnd, re.offset]
      };
    }
    function plainValue(source, onError) {
      let badChar = "";
      switch (source[0]) {
        /* istanbul ignore next should not happen */
        case "	":
          badChar = "a tab character";
          break;
        case ",":
          badChar = "flow indicator character ,";
          break;
        case "%":
          badChar = "directive indicator character %";
          break;
        case "|":
        case ">": {
          badChar = `block scalar indicator ${source[0]}`;
          break;
        }
        case "@":
        case "`": {
          badChar = `reserved character ${source[0]}`;
          break;
        }
      }
      if (badChar)
        onError(0, "BAD_SCALAR_START", `Plain value cannot start with ${badChar}`);
      return unfoldLines(source);
    }
    function singleQuotedValue(source, onError) {
      if (source[source.length - 1] !== "'" || source.length === 1)
        onError(source.length, "MISSING_CHAR", "Missing closing 'quote");
      return unfoldLines(source.slice(1, -1)).replace(/''/g, "'");
    }
    function unfoldLines(source) {
      const line = /(.*?)\r?\n/sy;
      let match = line.exec(source);
      if (!match)
        return source;
      let trimEnd, trimBoth;
      try {
        trimEnd = new RegExp("(?<![ 	])[ 	]+$");
        trimBoth = new RegExp("^[ 	]+|(?<![ 	])[ 	]+$", "g");
      } catch {
        trimEnd = /[ \t]+$/;
        trimBoth = /^[ \t]+|[ \t]+$/g;
      }
      let res = match[1].replace(trimEnd, "");
      let sep2 = " ";
      let pos = line.lastIndex;
      while (match = line.exec(source)) {
        const lm = match[1].replace(trimBoth, "");
        if (lm === "") {
          if (sep2 === "\n")
            res += sep2;
          else
            sep2 = "\n";
        } else {
          res += sep2 + lm;
          sep2 = " ";
        }
        pos = line.lastIndex;
      }
      const last = /[ \t]*(.*)/sy;
      last.lastIndex = pos;
      match = last.exec(source);
      return res + sep2 + (match?.[1] ?? "");
    }
    function doubleQuotedValue(source, onError) {
      let res = "";
      for (let i = 1; i < source.length - 1; ++i) {
        const ch = source[i];
        if (ch === "\r" && source[i + 1] === "\n")
          continue;
        if (ch === "\n") {
          const { fold, offset } = foldNewline(source, i);
          res += fold;
          i = offset;
        } else if (ch === "\\") {
          let next = source[++i];
          const cc = escapeCodes[next];
          if (cc)
            res += cc;
          else if (next === "\n") {
            next = source[i + 1];
            while (next === " " || next === "	")
              next = source[++i + 1];
          } else if (next === "\r" && source[i + 1] === "\n") {
            next = source[++i + 1];
            while (next === " " || next === "	")
              next = source[++i + 1];
          } else if (next === "x" || next === "u" || next === "U") {
            const length = next === "x" ? 2 : next === "u" ? 4 : 8;
            res += parseCharCode(source, i + 1, length, onError);
            i += length;
          } else {
            const raw = source.substr(i - 1, 2);
            onError(i - 1, "BAD_DQ_ESCAPE", `Invalid escape sequence ${raw}`);
            res += raw;
          }
        } else if (ch === " " || ch === "	") {
          const wsStart = i;
          let next = source[i + 1];
          while (next === " " || next === "	")
            next = source[++i + 1];
          if (next !== "\n" && !(next === "\r" && source[i + 2] === "\n"))
            res += i > wsStart ? source.slice(wsStart, i + 1) : ch;
        } else {
          res += ch;
        }
      }
      if (source[source.length - 1] !== '"' || source.length === 1)
        onError(source.length, "MISSING_CHAR", 'Missing closing "quote');
      return res;
    }
    function foldNewline(source, offset) {
      let fold = "";
      let ch = source[offset + 1];
      while (ch === " " || ch === "	" || ch === "\n" || ch === "\r") {
        if (ch === "\r" && source[offset + 2] !== "\n")
          break;
        if (ch === "\n")
          fold += "\n";
        offset += 1;
        ch = source[offset + 1];
      }
      if (!fold)
        fold = " ";
      return { fold, offset };
    }
    var escapeCodes = {
      "0": "\0",
      // null character
      a: "\x07",
      // bell character
      b: "\b",
      // backspace
      e: "\x1B",
      // escape character
      f: "\f",
      // form feed
      n: "\n",
      // line feed
      r: "\r",
      // carriage return
      t: "	",
      // horizontal tab
      v: "\v",
      // vertical tab
      N: "\x85",
      // Unicode next line
      _: "\xA0",
      // Unicode non-breaking space
      L: "\u2028",
      // Unicode line separator
      P: "\u2029",
      // Unicode paragraph separator
      " ": " ",
      '"': '"',
      "/": "/",
      "\\": "\\",
      "	": "	"
    };
    function parseCharCode(source, offset, length, onError) {
      const cc = source.substr(offset, length);
      const ok = cc.length === length && /^[0-9a-fA-F]+$/.test(cc);
      const code2 = ok ? parseInt(cc, 16) : NaN;
      try {
        return String.fromCodePoint(code2);
      } catch {
        const raw = source.substr(offset - 2, length + 2);
        onError(offset - 2, "BAD_DQ_ESCAPE", `Invalid escape sequence ${raw}`);
        return raw;
      }
    }
    exports.resolveFlowScalar = resolveFlowScalar;
  }
});

// node_modules/yaml/dist/compose/compose-scalar.js
var require_compose_scalar = __commonJS({
  "node_modules/yaml/dist/compose/compose-scalar.js"(exports) {
    "use strict";
    var identity2 = require_identity();
    var Scalar = require_Scalar();
    var resolveBlockScalar = require_resolve_block_scalar();
    var resolveFlowScalar = require_resolve_flow_scalar();
    function composeScalar(ctx, token, tagToken, onError) {
      const { value, type, comment: comment2, range } = token.type === "block-scalar" ? resolveBlockScalar.resolveBlockScalar(ctx, token, onError) : resolveFlowScalar.resolveFlowScalar(token, ctx.options.strict, onError);
      const tagName = tagToken ? ctx.directives.tagName(tagToken.source, (msg2) => onError(tagToken, "TAG_RESOLVE_FAILED", msg2)) : null;
      let tag;
      if (ctx.options.stringKeys && ctx.atKey) {
        tag = ctx.schema[identity2.SCALAR];
      } else if (tagName)
        tag = findScalarTagByName(ctx.schema, value, tagName, tagToken, onError);
      else if (token.type === "scalar")
        tag = findScalarTagByTest(ctx, value, token, onError);
      else
        tag = ctx.schema[identity2.SCALAR];
      let scalar;
      try {
        const res = tag.resolve(value, (msg2) => onError(tagToken ?? token, "TAG_RESOLVE_FAILED", msg2), ctx.options);
        scalar = identity2.isScalar(res) ? res : new Scalar.Scalar(res);
      } catch (error) {
        const msg2 = error instanceof Error ? error.message : String(error);
        onError(tagToken ?? token, "TAG_RESOLVE_FAILED", msg2);
        scalar = new Scalar.Scalar(value);
      }
      scalar.range = range;
      scalar.source = value;
      if (type)
        scalar.type = type;
      if (tagName)
        scalar.tag = tagName;
      if (tag.format)
        scalar.format = tag.format;
      if (comment2)
        scalar.comment = comment2;
      return scalar;
    }
    function findScalarTagByName(schema, value, tagName, tagToken, onError) {
      if (tagName === "!")
        return schema[identity2.SCALAR];
      const matchWithTest = [];
      for (const tag of schema.tags) {
        if (!tag.collection && tag.tag === tagName) {
          if (tag.default && tag.test)
            matchWithTest.push(tag);
          else
            return tag;
        }
      }
      for (const tag of matchWithTest)
        if (tag.test?.test(value))
          return tag;
      const kt = schema.knownTags[tagName];
      if (kt && !kt.collection) {
        schema.tags.push(Object.assign({}, kt, { default: false, test: void 0 }));
        return kt;
      }
      onError(tagToken, "TAG_RESOLVE_FAILED", `Unresolved tag: ${tagName}`, tagName !== "tag:yaml.org,2002:str");
      return schema[identity2.SCALAR];
    }
    function findScalarTagByTest({ atKey, directives, schema }, value, token, onError) {
      const tag = schema.tags.find((tag2) => (tag2.default === true || atKey && tag2.default === "key") && tag2.test?.test(value)) || schema[identity2.SCALAR];
      if (schema.compat) {
        const compat = schema.compat.find((tag2) => tag2.default && tag2.test?.test(value)) ?? schema[identity2.SCALAR];
        if (tag.tag !== compat.tag) {
          const ts = directives.tagString(tag.tag);
          const cs = directives.tagString(compat.tag);
          const msg2 = `Value may be parsed as either ${ts} or ${cs}`;
          onError(token, "TAG_RESOLVE_FAILED", msg2, true);
        }
      }
      return tag;
    }
    exports.composeScalar = composeScalar;
  }
});

// node_modules/yaml/dist/compose/util-empty-scalar-position.js
var require_util_empty_scalar_position = __commonJS({
  "node_modules/yaml/dist/compose/util-empty-scalar-position.js"(exports) {
    "use strict";
    function emptyScalarPosition(offset, before, pos) {
      if (before) {
        pos ?? (pos = before.length);
        for (let i = pos - 1; i >= 0; --i) {
          let st = before[i];
          switch (st.type) {
            case "space":
            case "comment":
            case "newline":
              offset -= st.source.length;
              continue;
          }
          st = before[++i];
          while (st?.type === "space") {
            offset += st.source.length;
            st = before[++i];
          }
          break;
        }
      }
      return offset;
    }
    exports.emptyScalarPosition = emptyScalarPosition;
  }
});

// node_modules/yaml/dist/compose/compose-node.js
var require_compose_node = __commonJS({
  "node_modules/yaml/dist/compose/compose-node.js"(exports) {
    "use strict";
    var Alias = require_Alias();
    var identity2 = require_identity();
    var composeCollection = require_compose_collection();
    var composeScalar = require_compose_scalar();
    var resolveEnd = require_resolve_end();
    var utilEmptyScalarPosition = require_util_empty_scalar_position();
    var CN = { composeNode, composeEmptyNode };
    function composeNode(ctx, token, props, onError) {
      const atKey = ctx.atKey;
      const { spaceBefore, comment: comment2, anchor, tag } = props;
      let node;
      let isSrcToken = true;
      switch (token.type) {
        case "alias":
          node = composeAlias(ctx, token, onError);
          if (anchor || tag)
            onError(token, "ALIAS_PROPS", "An alias node must not specify any properties");
          break;
        case "scalar":
        case "single-quoted-scalar":
        case "double-quoted-scalar":
        case "block-scalar":
          node = composeScalar.composeScalar(ctx, token, tag, onError);
          if (anchor)
            node.anchor = anchor.source.substring(1);
          break;
        case "block-map":
        case "block-seq":
        case "flow-collection":
          try {
            node = composeCollection.composeCollection(CN, ctx, token, props, onError);
            if (anchor)
              node.anchor = anchor.source.substring(1);
          } catch (error) {
            const message = error instanceof Error ? error.message : String(error);
            onError(token, "RESOURCE_EXHAUSTION", message);
          }
          break;
        default: {
          const message = token.type === "error" ? token.message : `Unsupported token (type: ${token.type})`;
          onError(token, "UNEXPECTED_TOKEN", message);
          isSrcToken = false;
        }
      }
      node ?? (node = composeEmptyNode(ctx, token.offset, void 0, null, props, onError));
      if (anchor && node.anchor === "")
        onError(anchor, "BAD_ALIAS", "Anchor cannot be an empty string");
      if (atKey && ctx.options.stringKeys && (!identity2.isScalar(node) || typeof node.value !== "string" || node.tag && node.tag !== "tag:yaml.org,2002:str")) {
        const msg2 = "With stringKeys, all keys must be strings";
        onError(tag ?? token, "NON_STRING_KEY", msg2);
      }
      if (spaceBefore)
        node.spaceBefore = true;
      if (comment2) {
        if (token.type === "scalar" && token.source === "")
          node.comment = comment2;
        else
          node.commentBefore = comment2;
      }
      if (ctx.options.keepSourceTokens && isSrcToken)
        node.srcToken = token;
      return node;
    }
    function composeEmptyNode(ctx, offset, before, pos, { spaceBefore, comment: comment2, anchor, tag, end }, onError) {
      const token = {
        type: "scalar",
        offset: utilEmptyScalarPosition.emptyScalarPosition(offset, before, pos),
        indent: -1,
        source: ""
      };
      const node = composeScalar.composeScalar(ctx, token, tag, onError);
      if (anchor) {
        node.anchor = anchor.source.substring(1);
        if (node.anchor === "")
          onError(anchor, "BAD_ALIAS", "Anchor cannot be an empty string");
      }
      if (spaceBefore)
        node.spaceBefore = true;
      if (comment2) {
        node.comment = comment2;
        node.range[2] = end;
      }
      return node;
    }
    function composeAlias({ options }, { offset, source, end }, onError) {
      const alias = new Alias.Alias(source.substring(1));
      if (alias.source === "")
        onError(offset, "BAD_ALIAS", "Alias cannot be an empty string");
      if (alias.source.endsWith(":"))
        onError(offset + source.length - 1, "BAD_ALIAS", "Alias ending in : is ambiguous", true);
      const valueEnd = offset + source.length;
      const re = resolveEnd.resolveEnd(end, valueEnd, options.strict, onError);
      alias.range = [offset, valueEnd, re.offset];
      if (re.comment)
        alias.comment = re.comment;
      return alias;
    }
    exports.composeEmptyNode = composeEmptyNode;
    exports.composeNode = composeNode;
  }
});

// node_modules/yaml/dist/compose/compose-doc.js
var require_compose_doc = __commonJS({
  "node_modules/yaml/dist/compose/compose-doc.js"(exports) {
    "use strict";
    var Document = require_Document();
    var composeNode = require_compose_node();
    var resolveEnd = require_resolve_end();
    var resolveProps = require_resolve_props();
    function composeDoc(options, directives, { offset, start, value, end }, onError) {
      const opts = Object.assign({ _directives: directives }, options);
      const doc = new Document.Document(void 0, opts);
      const ctx = {
        atKey: false,
        atRoot: true,
        directives: doc.directives,
        options: doc.options,
        schema: doc.schema
      };
      const props = resolveProps.resolveProps(start, {
        indicator: "doc-start",
        next: value ?? end?.[0],
        offset,
        onError,
        parentIndent: 0,
        startOnNewline: true
      });
      if (props.found) {
        doc.directives.docStart = true;
        if (value && (value.type === "block-map" || value.type === "block-seq") && !props.hasNewline)
          onError(props.end, "MISSING_CHAR", "Block collection cannot start on same line with directives-end marker");
      }
      doc.contents = value ? composeNode.composeNode(ctx, value, props, onError) : composeNode.composeEmptyNode(ctx, props.end, start, null, props, onError);
      const contentEnd = doc.contents.range[2];
      const re = resolveEnd.resolveEnd(end, contentEnd, false, onError);
      if (re.comment)
        doc.comment = re.comment;
      doc.range = [offset, contentEnd, re.offset];
      return doc;
    }
    exports.composeDoc = composeDoc;
  }
});

// node_modules/yaml/dist/compose/composer.js
var require_composer = __commonJS({
  "node_modules/yaml/dist/compose/composer.js"(exports) {
    "use strict";
    var node_process = __require("process");
    var directives = require_directives();
    var Document = require_Document();
    var errors = require_errors();
    var identity2 = require_identity();
    var composeDoc = require_compose_doc();
    var resolveEnd = require_resolve_end();
    function getErrorPos(src) {
      if (typeof src === "number")
        return [src, src + 1];
      if (Array.isArray(src))
        return src.length === 2 ? src : [src[0], src[1]];
      const { offset, source } = src;
      return [offset, offset + (typeof source === "string" ? source.length : 1)];
    }
    function parsePrelude(prelude) {
      let comment2 = "";
      let atComment = false;
      let afterEmptyLine = false;
      for (let i = 0; i < prelude.length; ++i) {
        const source = prelude[i];
        switch (source[0]) {
          case "#":
            comment2 += (comment2 === "" ? "" : afterEmptyLine ? "\n\n" : "\n") + (source.substring(1) || " ");
            atComment = true;
            afterEmptyLine = false;
            break;
          case "%":
            if (prelude[i + 1]?.[0] !== "#")
              i += 1;
            atComment = false;
            break;
          default:
            if (!atComment)
              afterEmptyLine = true;
            atComment = false;
        }
      }
      return { comment: comment2, afterEmptyLine };
    }
    var Composer = class {
      constructor(options = {}) {
        this.doc = null;
        this.atDirectives = false;
        this.prelude = [];
        this.errors = [];
        this.warnings = [];
        this.onError = (source, code2, message, warning) => {
          const pos = getErrorPos(source);
          if (warning)
            this.warnings.push(new errors.YAMLWarning(pos, code2, message));
          else
            this.errors.push(new errors.YAMLParseError(pos, code2, message));
        };
        this.directives = new directives.Directives({ version: options.version || "1.2" });
        this.options = options;
      }
      decorate(doc, afterDoc) {
        const { comment: comment2, afterEmptyLine } = parsePrelude(this.prelude);
        if (comment2) {
          const dc = doc.contents;
          if (afterDoc) {
            doc.comment = doc.comment ? `${doc.comment}
${comment2}` : comment2;
          } else if (afterEmptyLine || doc.directives.docStart || !dc) {
            doc.commentBefore = comment2;
          } else if (identity2.isCollection(dc) && !dc.flow && dc.items.length > 0) {
            let it = dc.items[0];
            if (identity2.isPair(it))
              it = it.key;
            const cb = it.commentBefore;
            it.commentBefore = cb ? `${comment2}
${cb}` : comment2;
          } else {
            const cb = dc.commentBefore;
            dc.commentBefore = cb ? `${comment2}
${cb}` : comment2;
          }
        }
        if (afterDoc) {
          for (let i = 0; i < this.errors.length; ++i)
            doc.errors.push(this.errors[i]);
          for (let i = 0; i < this.warnings.length; ++i)
            doc.warnings.push(this.warnings[i]);
        } else {
          doc.errors = this.errors;
          doc.warnings = this.warnings;
        }
        this.prelude = [];
        this.errors = [];
        this.warnings = [];
      }
      /**
       * Current stream status information.
       *
       * Mostly useful at the end of input for an empty stream.
       */
      streamInfo() {
        return {
          comment: parsePrelude(this.prelude).comment,
          directives: this.directives,
          errors: this.errors,
          warnings: this.warnings
        };
      }
      /**
       * Compose tokens into documents.
       *
       * @param forceDoc - If the stream contains no document, still emit a final document including any comments and directives that would be applied to a subsequent document.
       * @param endOffset - Should be set if `forceDoc` is also set, to set the document range end and to indicate errors correctly.
       */
      *compose(tokens2, forceDoc = false, endOffset = -1) {
        for (const token of tokens2)
          yield* this.next(token);
        yield* this.end(forceDoc, endOffset);
      }
      /** Advance the composer by one CST token. */
      *next(token) {
        if (node_process.env.LOG_STREAM)
          console.dir(token, { depth: null });
        switch (token.type) {
          case "directive":
            this.directives.add(token.source, (offset, message, warning) => {
              const pos = getErrorPos(token);
              pos[0] += offset;
              this.onError(pos, "BAD_DIRECTIVE", message, warning);
            });
            this.prelude.push(token.source);
            this.atDirectives = true;
            break;
          case "document": {
            const doc = composeDoc.composeDoc(this.options, this.directives, token, this.onError);
            if (this.atDirectives && !doc.directives.docStart)
              this.onError(token, "MISSING_CHAR", "Missing directives-end/doc-start indicator line");
            this.decorate(doc, false);
            if (this.doc)
              yield this.doc;
            this.doc = doc;
            this.atDirectives = false;
            break;
          }
          case "byte-order-mark":
          case "space":
            break;
          case "comment":
          case "newline":
            this.prelude.push(token.source);
            break;
          case "error": {
            const msg2 = token.source ? `${token.message}: ${JSON.stringify(token.source)}` : token.message;
            const error = new errors.YAMLParseError(getErrorPos(token), "UNEXPECTED_TOKEN", msg2);
            if (this.atDirectives || !this.doc)
              this.errors.push(error);
            else
              this.doc.errors.push(error);
            break;
          }
          case "doc-end": {
            if (!this.doc) {
              const msg2 = "Unexpected doc-end without preceding document";
              this.errors.push(new errors.YAMLParseError(getErrorPos(token), "UNEXPECTED_TOKEN", msg2));
              break;
            }
            this.doc.directives.docEnd = true;
            const end = resolveEnd.resolveEnd(token.end, token.offset + token.source.length, this.doc.options.strict, this.onError);
            this.decorate(this.doc, true);
            if (end.comment) {
              const dc = this.doc.comment;
              this.doc.comment = dc ? `${dc}
${end.comment}` : end.comment;
            }
            this.doc.range[2] = end.offset;
            break;
          }
          default:
            this.errors.push(new errors.YAMLParseError(getErrorPos(token), "UNEXPECTED_TOKEN", `Unsupported token ${token.type}`));
        }
      }
      /**
       * Call at end of input to yield any remaining document.
       *
       * @param forceDoc - If the stream contains no document, still emit a final document including any comments and directives that would be applied to a subsequent document.
       * @param endOffset - Should be set if `forceDoc` is also set, to set the document range end and to indicate errors correctly.
       */
      *end(forceDoc = false, endOffset = -1) {
        if (this.doc) {
          this.decorate(this.doc, true);
          yield this.doc;
          this.doc = null;
        } else if (forceDoc) {
          const opts = Object.assign({ _directives: this.directives }, this.options);
          const doc = new Document.Document(void 0, opts);
          if (this.atDirectives)
            this.onError(endOffset, "MISSING_CHAR", "Missing directives-end indicator line");
          doc.range = [0, endOffset, endOffset];
          this.decorate(doc, false);
          yield doc;
        }
      }
    };
    exports.Composer = Composer;
  }
});

// node_modules/yaml/dist/parse/cst-scalar.js
var require_cst_scalar = __commonJS({
  "node_modules/yaml/dist/parse/cst-scalar.js"(exports) {
    "use strict";
    var resolveBlockScalar = require_resolve_block_scalar();
    var resolveFlowScalar = require_resolve_flow_scalar();
    var errors = require_errors();
    var stringifyString = require_stringifyString();
    function resolveAsScalar(token, strict = true, onError) {
      if (token) {
        const _onError = (pos, code2, message) => {
          const offset = typeof pos === "number" ? pos : Array.isArray(pos) ? pos[0] : pos.offset;
          if (onError)
            onError(offset, code2, message);
          else
            throw new errors.YAMLParseError([offset, offset + 1], code2, message);
        };
        switch (token.type) {
          case "scalar":
          case "single-quoted-scalar":
          case "double-quoted-scalar":
            return resolveFlowScalar.resolveFlowScalar(token, strict, _onError);
          case "block-scalar":
            return resolveBlockScalar.resolveBlockScalar({ options: { strict } }, token, _onError);
        }
      }
      return null;
    }
    function createScalarToken(value, context) {
      const { implicitKey = false, indent: indent2, inFlow = false, offset = -1, type = "PLAIN" } = context;
      const source = stringifyString.stringifyString({ type, value }, {
        implicitKey,
        indent: indent2 > 0 ? " ".repeat(indent2) : "",
        inFlow,
        options: { blockQuote: true, lineWidth: -1 }
      });
      const end = context.end ?? [
        { type: "newline", offset: -1, indent: indent2, source: "\n" }
      ];
      switch (source[0]) {
        case "|":
        case ">": {
          const he = source.indexOf("\n");
          const head = source.substring(0, he);
          const body = source.substring(he + 1) + "\n";
          const props = [
            { type: "block-scalar-header", offset, indent: indent2, source: head }
          ];
          if (!addEndtoBlockProps(props, end))
            props.push({ type: "newline", offset: -1, indent: indent2, source: "\n" });
          return { type: "block-scalar", offset, indent: indent2, props, source: body };
        }
        case '"':
          return { type: "double-quoted-scalar", offset, indent: indent2, source, end };
        case "'":
          return { type: "single-quoted-scalar", offset, indent: indent2, source, end };
        default:
          return { type: "scalar", offset, indent: indent2, source, end };
      }
    }
    function setScalarValue(token, value, context = {}) {
      let { afterKey = false, implicitKey = false, inFlow = false, type } = context;
      let indent2 = "indent" in token ? token.indent : null;
      if (afterKey && typeof indent2 === "number")
        indent2 += 2;
      if (!type)
        switch (token.type) {
          case "single-quoted-scalar":
            type = "QUOTE_SINGLE";
            break;
          case "double-quoted-scalar":
            type = "QUOTE_DOUBLE";
            break;
          case "block-scalar": {
            const header = token.props[0];
            if (header.type !== "block-scalar-header")
              throw new Error("Invalid block scalar header");
            type = header.source[0] === ">" ? "BLOCK_FOLDED" : "BLOCK_LITERAL";
            break;
          }
          default:
            type = "PLAIN";
        }
      const source = stringifyString.stringifyString({ type, value }, {
        implicitKey: implicitKey || indent2 === null,
        indent: indent2 !== null && indent2 > 0 ? " ".repeat(indent2) : "",
        inFlow,
        options: { blockQuote: true, lineWidth: -1 }
      });
      switch (source[0]) {
        case "|":
        case ">":
          setBlockScalarValue(token, source);
          break;
        case '"':
          setFlowScalarValue(token, source, "double-quoted-scalar");
          break;
        case "'":
          setFlowScalarValue(token, source, "single-quoted-scalar");
          break;
        default:
          setFlowScalarValue(token, source, "scalar");
      }
    }
    function setBlockScalarValue(token, source) {
      const he = source.indexOf("\n");
      const head = source.substring(0, he);
      const body = source.substring(he + 1) + "\n";
      if (token.type === "block-scalar") {
        const header = token.props[0];
        if (header.type !== "block-scalar-header")
          throw new Error("Invalid block scalar header");
        header.source = head;
        token.source = body;
      } else {
        const { offset } = token;
        const indent2 = "indent" in token ? token.indent : -1;
        const props = [
          { type: "block-scalar-header", offset, indent: indent2, source: head }
        ];
        if (!addEndtoBlockProps(props, "end" in token ? token.end : void 0))
          props.push({ type: "newline", offset: -1, indent: indent2, source: "\n" });
        for (const key of Object.keys(token))
          if (key !== "type" && key !== "offset")
            delete token[key];
        Object.assign(token, { type: "block-scalar", indent: indent2, props, source: body });
      }
    }
    function addEndtoBlockProps(props, end) {
      if (end)
        for (const st of end)
          switch (st.type) {
            case "space":
            case "comment":
              props.push(st);
              break;
            case "newline":
              props.push(st);
              return true;
          }
      return false;
    }
    function setFlowScalarValue(token, source, type) {
      switch (token.type) {
        case "scalar":
        case "double-quoted-scalar":
        case "single-quoted-scalar":
          token.type = type;
          token.source = source;
          break;
        case "block-scalar": {
          const end = token.props.slice(1);
          let oa = source.length;
          if (token.props[0].type === "block-scalar-header")
            oa -= token.props[0].source.length;
          for (const tok of end)
            tok.offset += oa;
          delete token.props;
          Object.assign(token, { type, source, end });
          break;
        }
        case "block-map":
        case "block-seq": {
          const offset = token.offset + source.length;
          const nl = { type: "newline", offset, indent: token.indent, source: "\n" };
          delete token.items;
          Object.assign(token, { type, source, end: [nl] });
          break;
        }
        default: {
          const indent2 = "indent" in token ? token.indent : -1;
          const end = "end" in token && Array.isArray(token.end) ? token.end.filter((st) => st.type === "space" || st.type === "comment" || st.type === "newline") : [];
          for (const key of Object.keys(token))
            if (key !== "type" && key !== "offset")
              delete token[key];
          Object.assign(token, { type, indent: indent2, source, end });
        }
      }
    }
    exports.createScalarToken = createScalarToken;
    exports.resolveAsScalar = resolveAsScalar;
    exports.setScalarValue = setScalarValue;
  }
});

// node_modules/yaml/dist/parse/cst-stringify.js
var require_cst_stringify = __commonJS({
  "node_modules/yaml/dist/parse/cst-stringify.js"(exports) {
    "use strict";
    var stringify = (cst) => "type" in cst ? stringifyToken(cst) : stringifyItem(cst);
    function stringifyToken(token) {
      switch (token.type) {
        case "block-scalar": {
          let res = "";
          for (const tok of token.props)
            res += stringifyToken(tok);
          return res + token.source;
        }
        case "block-map":
        case "block-seq": {
          let res = "";
          for (const item of token.items)
            res += stringifyItem(item);
          return res;
        }
        case "flow-collection": {
          let res = token.start.source;
          for (const item of token.items)
            res += stringifyItem(item);
          for (const st of token.end)
            res += st.source;
          return res;
        }
        case "document": {
          let res = stringifyItem(token);
          if (token.end)
            for (const st of token.end)
              res += st.source;
          return res;
        }
        default: {
          let res = token.source;
          if ("end" in token && token.end)
            for (const st of token.end)
              res += st.source;
          return res;
        }
      }
    }
    function stringifyItem({ start, key, sep: sep2, value }) {
      let res = "";
      for (const st of start)
        res += st.source;
      if (key)
        res += stringifyToken(key);
      if (sep2)
        for (const st of sep2)
          res += st.source;
      if (value)
        res += stringifyToken(value);
      return res;
    }
    exports.stringify = stringify;
  }
});

// node_modules/yaml/dist/parse/cst-visit.js
var require_cst_visit = __commonJS({
  "node_modules/yaml/dist/parse/cst-visit.js"(exports) {
    "use strict";
    var BREAK = /* @__PURE__ */ Symbol("break visit");
    var SKIP = /* @__PURE__ */ Symbol("skip children");
    var REMOVE = /* @__PURE__ */ Symbol("remove item");
    function visit(cst, visitor) {
      if ("type" in cst && cst.type === "document")
        cst = { start: cst.start, value: cst.value };
      _visit(Object.freeze([]), cst, visitor);
    }
    visit.BREAK = BREAK;
    visit.SKIP = SKIP;
    visit.REMOVE = REMOVE;
    visit.itemAtPath = (cst, path) => {
      let item = cst;
      for (const [field, index] of path) {
        const tok = item?.[field];
        if (tok && "items" in tok) {
          item = tok.items[index];
        } else
          return void 0;
      }
      return item;
    };
    visit.parentCollection = (cst, path) => {
      const parent = visit.itemAtPath(cst, path.slice(0, -1));
      const field = path[path.length - 1][0];
      const coll = parent?.[field];
      if (coll && "items" in coll)
        return coll;
      throw new Error("Parent collection not found");
    };
    function _visit(path, item, visitor) {
      let ctrl = visitor(item, path);
      if (typeof ctrl === "symbol")
        return ctrl;
      for (const field of ["key", "value"]) {
        const token = item[field];
        if (token && "items" in token) {
          for (let i = 0; i < token.items.length; ++i) {
            const ci = _visit(Object.freeze(path.concat([[field, i]])), token.items[i], visitor);
            if (typeof ci === "number")
              i = ci - 1;
            else if (ci === BREAK)
              return BREAK;
            else if (ci === REMOVE) {
              token.items.splice(i, 1);
              i -= 1;
            }
          }
          if (typeof ctrl === "function" && field === "key")
            ctrl = ctrl(item, path);
        }
      }
      return typeof ctrl === "function" ? ctrl(item, path) : ctrl;
    }
    exports.visit = visit;
  }
});

// node_modules/yaml/dist/parse/cst.js
var require_cst = __commonJS({
  "node_modules/yaml/dist/parse/cst.js"(exports) {
    "use strict";
    var cstScalar = require_cst_scalar();
    var cstStringify = require_cst_stringify();
    var cstVisit = require_cst_visit();
    var BOM = "\uFEFF";
    var DOCUMENT = "";
    var FLOW_END = "";
    var SCALAR = "";
    var isCollection = (token) => !!token && "items" in token;
    var isScalar3 = (token) => !!token && (token.type === "scalar" || token.type === "single-quoted-scalar" || token.type === "double-quoted-scalar" || token.type === "block-scalar");
    function prettyToken(token) {
      switch (token) {
        case BOM:
          return "<BOM>";
        case DOCUMENT:
          return "<DOC>";
        case FLOW_END:
          return "<FLOW_END>";
        case SCALAR:
          return "<SCALAR>";
        default:
          return JSON.stringify(token);
      }
    }
    function tokenType(source) {
      switch (source) {
        case BOM:
          return "byte-order-mark";
        case DOCUMENT:
          return "doc-mode";
        case FLOW_END:
          return "flow-error-end";
        case SCALAR:
          return "scalar";
        case "---":
          return "doc-start";
        case "...":
          return "doc-end";
        case "":
        case "\n":
        case "\r\n":
          return "newline";
        case "-":
          return "seq-item-ind";
        case "?":
          return "explicit-key-ind";
        case ":":
          return "map-value-ind";
        case "{":
          return "flow-map-start";
        case "}":
          return "flow-map-end";
        case "[":
          return "flow-seq-start";
        case "]":
          return "flow-seq-end";
        case ",":
          return "comma";
      }
      switch (source[0]) {
        case " ":
        case "	":
          return "space";
        case "#":
          return "comment";
        case "%":
          return "directive-line";
        case "*":
          return "alias";
        case "&":
          return "anchor";
        case "!":
          return "tag";
        case "'":
          return "single-quoted-scalar";
        case '"':
          return "double-quoted-scalar";
        case "|":
        case ">":
          return "block-scalar-header";
      }
      return null;
    }
    exports.createScalarToken = cstScalar.createScalarToken;
    exports.resolveAsScalar = cstScalar.resolveAsScalar;
    exports.setScalarValue = cstScalar.setScalarValue;
    exports.stringify = cstStringify.stringify;
    exports.visit = cstVisit.visit;
    exports.BOM = BOM;
    exports.DOCUMENT = DOCUMENT;
    exports.FLOW_END = FLOW_END;
    exports.SCALAR = SCALAR;
    exports.isCollection = isCollection;
    exports.isScalar = isScalar3;
    exports.prettyToken = prettyToken;
    exports.tokenType = tokenType;
  }
});

// node_modules/yaml/dist/parse/lexer.js
var require_lexer = __commonJS({
  "node_modules/yaml/dist/parse/lexer.js"(exports) {
    "use strict";
    var cst = require_cst();
    function isEmpty(ch) {
      switch (ch) {
        case void 0:
        case " ":
        case "\n":
        case "\r":
        case "	":
          return true;
        default:
          return false;
      }
    }
    var hexDigits = new Set("0123456789ABCDEFabcdef");
    var tagChars = new Set("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-#;/?:@&=+$_.!~*'()");
    var flowIndicatorChars = new Set(",[]{}");
    var invalidAnchorChars = new Set(" ,[]{}\n\r	");
    var isNotAnchorChar = (ch) => !ch || invalidAnchorChars.has(ch);
    var Lexer = class {
      constructor() {
        this.atEnd = false;
        this.blockScalarIndent = -1;
        this.blockScalarKeep = false;
        this.buffer = "";
        this.flowKey = false;
        this.flowLevel = 0;
        this.indentNext = 0;
        this.indentValue = 0;
        this.lineEndPos = null;
        this.next = null;
        this.pos = 0;
      }
      /**
       * Generate YAML tokens from the `source` string. If `incomplete`,
       * a part of the last line may be left as a buffer for the next call.
       *
       * @returns A generator of lexical tokens
       */
      *lex(source, incomplete = false) {
        if (source) {
          if (typeof source !== "string")
            throw TypeError("source is not a string");
          this.buffer = this.buffer ? this.buffer + source : source;
          this.lineEndPos = null;
        }
        this.atEnd = !incomplete;
        let next = this.next ?? "stream";
        while (next && (incomplete || this.hasChars(1)))
          next = yield* this.parseNext(next);
      }
      atLineEnd() {
        let i = this.pos;
        let ch = this.buffer[i];
        while (ch === " " || ch === "	")
          ch = this.buffer[++i];
        if (!ch || ch === "#" || ch === "\n")
          return true;
        if (ch === "\r")
          return this.buffer[i + 1] === "\n";
        return false;
      }
      charAt(n) {
        return this.buffer[this.pos + n];
      }
      continueScalar(offset) {
        let ch = this.buffer[offset];
        if (this.indentNext > 0) {
          let indent2 = 0;
          while (ch === " ")
            ch = this.buffer[++indent2 + offset];
          if (ch === "\r") {
            const next = this.buffer[indent2 + offset + 1];
            if (next === "\n" || !next && !this.atEnd)
              return offset + indent2 + 1;
          }
          return ch === "\n" || indent2 >= this.indentNext || !ch && !this.atEnd ? offset + indent2 : -1;
        }
        if (ch === "-" || ch === ".") {
          const dt = this.buffer.substr(offset, 3);
          if ((dt === "---" || dt === "...") && isEmpty(this.buffer[offset + 3]))
            return -1;
        }
        return offset;
      }
      getLine() {
        let end = this.lineEndPos;
        if (typeof end !== "number" || end !== -1 && end < this.pos) {
          end = this.buffer.indexOf("\n", this.pos);
          this.lineEndPos = end;
        }
        if (end === -1)
          return this.atEnd ? this.buffer.substring(this.pos) : null;
        if (this.buffer[end - 1] === "\r")
          end -= 1;
        return this.buffer.substring(this.pos, end);
      }
      hasChars(n) {
        return this.pos + n <= this.buffer.length;
      }
      setNext(state) {
        this.buffer = this.buffer.substring(this.pos);
        this.pos = 0;
        this.lineEndPos = null;
        this.next = state;
        return null;
      }
      peek(n) {
        return this.buffer.substr(this.pos, n);
      }
      *parseNext(next) {
        switch (next) {
          case "stream":
            return yield* this.parseStream();
          case "line-start":
            return yield* this.parseLineStart();
          case "block-start":
            return yield* this.parseBlockStart();
          case "doc":
            return yield* this.parseDocument();
          case "flow":
            return yield* this.parseFlowCollection();
          case "quoted-scalar":
            return yield* this.parseQuotedScalar();
          case "block-scalar":
            return yield* this.parseBlockScalar();
          case "plain-scalar":
            return yield* this.parsePlainScalar();
        }
      }
      *parseStream() {
        let line = this.getLine();
        if (line === null)
          return this.setNext("stream");
        if (line[0] === cst.BOM) {
          yield* this.pushCount(1);
          line = line.substring(1);
        }
        if (line[0] === "%") {
          let dirEnd = line.length;
          let cs = line.indexOf("#");
          while (cs !== -1) {
            const ch = line[cs - 1];
            if (ch === " " || ch === "	") {
              dirEnd = cs - 1;
              break;
            } else {
              cs = line.indexOf("#", cs + 1);
            }
          }
          while (true) {
            const ch = line[dirEnd - 1];
            if (ch === " " || ch === "	")
              dirEnd -= 1;
            else
              break;
          }
          const n = (yield* this.pushCount(dirEnd)) + (yield* this.pushSpaces(true));
          yield* this.pushCount(line.length - n);
          this.pushNewline();
          return "stream";
        }
        if (this.atLineEnd()) {
          const sp = yield* this.pushSpaces(true);
          yield* this.pushCount(line.length - sp);
          yield* this.pushNewline();
          return "stream";
        }
        yield cst.DOCUMENT;
        return yield* this.parseLineStart();
      }
      *parseLineStart() {
        const ch = this.charAt(0);
        if (!ch && !this.atEnd)
          return this.setNext("line-start");
        if (ch === "-" || ch === ".") {
          if (!this.atEnd && !this.hasChars(4))
            return this.setNext("line-start");
          const s = this.peek(3);
          if ((s === "---" || s === "...") && isEmpty(this.charAt(3))) {
            yield* this.pushCount(3);
            this.indentValue = 0;
            this.indentNext = 0;
            return s === "---" ? "doc" : "stream";
          }
        }
        this.indentValue = yield* this.pushSpaces(false);
        if (this.indentNext > this.indentValue && !isEmpty(this.charAt(1)))
          this.indentNext = this.indentValue;
        return yield* this.parseBlockStart();
      }
      *parseBlockStart() {
        const [ch0, ch1] = this.peek(2);
        if (!ch1 && !this.atEnd)
          return this.setNext("block-start");
        if ((ch0 === "-" || ch0 === "?" || ch0 === ":") && isEmpty(ch1)) {
          const n = (yield* this.pushCount(1)) + (yield* this.pushSpaces(true));
          this.indentNext = this.indentValue + 1;
          this.indentValue += n;
          return "block-start";
        }
        return "doc";
      }
      *parseDocument() {
        yield* this.pushSpaces(true);
        const line = this.getLine();
        if (line === null)
          return this.setNext("doc");
        let n = yield* this.pushIndicators();
        switch (line[n]) {
          case "#":
            yield* this.pushCount(line.length - n);
          // fallthrough
          case void 0:
            yield* this.pushNewline();
            return yield* this.parseLineStart();
          case "{":
          case "[":
            yield* this.pushCount(1);
            this.flowKey = false;
            this.flowLevel = 1;
            return "flow";
          case "}":
          case "]":
            yield* this.pushCount(1);
            return "doc";
          case "*":
            yield* this.pushUntil(isNotAnchorChar);
            return "doc";
          case '"':
          case "'":
            return yield* this.parseQuotedScalar();
          case "|":
          case ">":
            n += yield* this.parseBlockScalarHeader();
            n += yield* this.pushSpaces(true);
            yield* this.pushCount(line.length - n);
            yield* this.pushNewline();
            return yield* this.parseBlockScalar();
          default:
            return yield* this.parsePlainScalar();
        }
      }
      *parseFlowCollection() {
        let nl, sp;
        let indent2 = -1;
        do {
          nl = yield* this.pushNewline();
          if (nl > 0) {
            sp = yield* this.pushSpaces(false);
            this.indentValue = indent2 = sp;
          } else {
            sp = 0;
          }
          sp += yield* this.pushSpaces(true);
        } while (nl + sp > 0);
        const line = this.getLine();
        if (line === null)
          return this.setNext("flow");
        if (indent2 !== -1 && indent2 < this.indentNext && line[0] !== "#" || indent2 === 0 && (line.startsWith("---") || line.startsWith("...")) && isEmpty(line[3])) {
          const atFlowEndMarker = indent2 === this.indentNext - 1 && this.flowLevel === 1 && (line[0] === "]" || line[0] === "}");
          if (!atFlowEndMarker) {
            this.flowLevel = 0;
            yield cst.FLOW_END;
            return yield* this.parseLineStart();
          }
        }
        let n = 0;
        while (line[n] === ",") {
          n += yield* this.pushCount(1);
          n += yield* this.pushSpaces(true);
          this.flowKey = false;
        }
        n += yield* this.pushIndicators();
        switch (line[n]) {
          case void 0:
            return "flow";
          case "#":
            yield* this.pushCount(line.length - n);
            return "flow";
          case "{":
          case "[":
            yield* this.pushCount(1);
            this.flowKey = false;
            this.flowLevel += 1;
            return "flow";
          case "}":
          case "]":
            yield* this.pushCount(1);
            this.flowKey = true;
            this.flowLevel -= 1;
            return this.flowLevel ? "flow" : "doc";
          case "*":
            yield* this.pushUntil(isNotAnchorChar);
            return "flow";
          case '"':
          case "'":
            this.flowKey = true;
            return yield* this.parseQuotedScalar();
          case ":": {
            const next = this.charAt(1);
            if (this.flowKey || isEmpty(next) || next === ",") {
              this.flowKey = false;
              yield* this.pushCount(1);
              yield* this.pushSpaces(true);
              return "flow";
            }
          }
          // fallthrough
          default:
            this.flowKey = false;
            return yield* this.parsePlainScalar();
        }
      }
      *parseQuotedScalar() {
        const quote = this.charAt(0);
        let end = this.buffer.indexOf(quote, this.pos + 1);
        if (quote === "'") {
          while (end !== -1 && this.buffer[end + 1] === "'")
            end = this.buffer.indexOf("'", end + 2);
        } else {
          while (end !== -1) {
            let n = 0;
            while (this.buffer[end - 1 - n] === "\\")
              n += 1;
            if (n % 2 === 0)
              break;
            end = this.buffer.indexOf('"', end + 1);
          }
        }
        const qb = this.buffer.substring(0, end);
        let nl = qb.indexOf("\n", this.pos);
        if (nl !== -1) {
          while (nl !== -1) {
            const cs = this.continueScalar(nl + 1);
            if (cs === -1)
              break;
            nl = qb.indexOf("\n", cs);
          }
          if (nl !== -1) {
            end = nl - (qb[nl - 1] === "\r" ? 2 : 1);
          }
        }
        if (end === -1) {
          if (!this.atEnd)
            return this.setNext("quoted-scalar");
          end = this.buffer.length;
        }
        yield* this.pushToIndex(end + 1, false);
        return this.flowLevel ? "flow" : "doc";
      }
      *parseBlockScalarHeader() {
        this.blockScalarIndent = -1;
        this.blockScalarKeep = false;
        let i = this.pos;
        while (true) {
          const ch = this.buffer[++i];
          if (ch === "+")
            this.blockScalarKeep = true;
          else if (ch > "0" && ch <= "9")
            this.blockScalarIndent = Number(ch) - 1;
          else if (ch !== "-")
            break;
        }
        return yield* this.pushUntil((ch) => isEmpty(ch) || ch === "#");
      }
      *parseBlockScalar() {
        let nl = this.pos - 1;
        let indent2 = 0;
        let ch;
        loop: for (let i2 = this.pos; ch = this.buffer[i2]; ++i2) {
          switch (ch) {
            case " ":
              indent2 += 1;
              break;
            case "\n":
              nl = i2;
              indent2 = 0;
              break;
            case "\r": {
              const next = this.buffer[i2 + 1];
              if (!next && !this.atEnd)
                return this.setNext("block-scalar");
              if (next === "\n")
                break;
            }
            // fallthrough
            default:
              break loop;
          }
        }
        if (!ch && !this.atEnd)
          return this.setNext("block-scalar");
        if (indent2 >= this.indentNext) {
          if (this.blockScalarIndent === -1)
            this.indentNext = indent2;
          else {
            this.indentNext = this.blockScalarIndent + (this.indentNext === 0 ? 1 : this.indentNext);
          }
          do {
            const cs = this.continueScalar(nl + 1);
            if (cs === -1)
              break;
            nl = this.buffer.indexOf("\n", cs);
          } while (nl !== -1);
          if (nl === -1) {
            if (!this.atEnd)
              return this.setNext("block-scalar");
            nl = this.buffer.length;
          }
        }
        let i = nl + 1;
        ch = this.buffer[i];
        while (ch === " ")
          ch = this.buffer[++i];
        if (ch === "	") {
          while (ch === "	" || ch === " " || ch === "\r" || ch === "\n")
            ch = this.buffer[++i];
          nl = i - 1;
        } else if (!this.blockScalarKeep) {
          do {
            let i2 = nl - 1;
            let ch2 = this.buffer[i2];
            if (ch2 === "\r")
              ch2 = this.buffer[--i2];
            const lastChar = i2;
            while (ch2 === " ")
              ch2 = this.buffer[--i2];
            if (ch2 === "\n" && i2 >= this.pos && i2 + 1 + indent2 > lastChar)
              nl = i2;
            else
              break;
          } while (true);
        }
        yield cst.SCALAR;
        yield* this.pushToIndex(nl + 1, true);
        return yield* this.parseLineStart();
      }
      *parsePlainScalar() {
        const inFlow = this.flowLevel > 0;
        let end = this.pos - 1;
        let i = this.pos - 1;
        let ch;
        while (ch = this.buffer[++i]) {
          if (ch === ":") {
            const next = this.buffer[i + 1];
            if (isEmpty(next) || inFlow && flowIndicatorChars.has(next))
              break;
            end = i;
          } else if (isEmpty(ch)) {
            let next = this.buffer[i + 1];
            if (ch === "\r") {
              if (next === "\n") {
                i += 1;
                ch = "\n";
                next = this.buffer[i + 1];
              } else
                end = i;
            }
            if (next === "#" || inFlow && flowIndicatorChars.has(next))
              break;
            if (ch === "\n") {
              const cs = this.continueScalar(i + 1);
              if (cs === -1)
                break;
              i = Math.max(i, cs - 2);
            }
          } else {
            if (inFlow && flowIndicatorChars.has(ch))
              break;
            end = i;
          }
        }
        if (!ch && !this.atEnd)
          return this.setNext("plain-scalar");
        yield cst.SCALAR;
        yield* this.pushToIndex(end + 1, true);
        return inFlow ? "flow" : "doc";
      }
      *pushCount(n) {
        if (n > 0) {
          yield this.buffer.substr(this.pos, n);
          this.pos += n;
          return n;
        }
        return 0;
      }
      *pushToIndex(i, allowEmpty) {
        const s = this.buffer.slice(this.pos, i);
        if (s) {
          yield s;
          this.pos += s.length;
          return s.length;
        } else if (allowEmpty)
          yield "";
        return 0;
      }
      *pushIndicators() {
        let n = 0;
        loop: while (true) {
          switch (this.charAt(0)) {
            case "!":
              n += yield* this.pushTag();
              n += yield* this.pushSpaces(true);
              continue loop;
            case "&":
              n += yield* this.pushUntil(isNotAnchorChar);
              n += yield* this.pushSpaces(true);
              continue loop;
            case "-":
            // this is an error
            case "?":
            // this is an error outside flow collections
            case ":": {
              const inFlow = this.flowLevel > 0;
              const ch1 = this.charAt(1);
              if (isEmpty(ch1) || inFlow && flowIndicatorChars.has(ch1)) {
                if (!inFlow)
                  this.indentNext = this.indentValue + 1;
                else if (this.flowKey)
                  this.flowKey = false;
                n += yield* this.pushCount(1);
                n += yield* this.pushSpaces(true);
                continue loop;
              }
            }
          }
          break loop;
        }
        return n;
      }
      *pushTag() {
        if (this.charAt(1) === "<") {
          let i = this.pos + 2;
          let ch = this.buffer[i];
          while (!isEmpty(ch) && ch !== ">")
            ch = this.buffer[++i];
          return yield* this.pushToIndex(ch === ">" ? i + 1 : i, false);
        } else {
          let i = this.pos + 1;
          let ch = this.buffer[i];
          while (ch) {
            if (tagChars.has(ch))
              ch = this.buffer[++i];
            else if (ch === "%" && hexDigits.has(this.buffer[i + 1]) && hexDigits.has(this.buffer[i + 2])) {
              ch = this.buffer[i += 3];
            } else
              break;
          }
          return yield* this.pushToIndex(i, false);
        }
      }
      *pushNewline() {
        const ch = this.buffer[this.pos];
        if (ch === "\n")
          return yield* this.pushCount(1);
        else if (ch === "\r" && this.charAt(1) === "\n")
          return yield* this.pushCount(2);
        else
          return 0;
      }
      *pushSpaces(allowTabs) {
        let i = this.pos - 1;
        let ch;
        do {
          ch = this.buffer[++i];
        } while (ch === " " || allowTabs && ch === "	");
        const n = i - this.pos;
        if (n > 0) {
          yield this.buffer.substr(this.pos, n);
          this.pos = i;
        }
        return n;
      }
      *pushUntil(test) {
        let i = this.pos;
        let ch = this.buffer[i];
        while (!test(ch))
          ch = this.buffer[++i];
        return yield* this.pushToIndex(i, false);
      }
    };
    exports.Lexer = Lexer;
  }
});

// node_modules/yaml/dist/parse/line-counter.js
var require_line_counter = __commonJS({
  "node_modules/yaml/dist/parse/line-counter.js"(exports) {
    "use strict";
    var LineCounter2 = class {
      constructor() {
        this.lineStarts = [];
        this.addNewLine = (offset) => this.lineStarts.push(offset);
        this.linePos = (offset) => {
          let low = 0;
          let high = this.lineStarts.length;
          while (low < high) {
            const mid = low + high >> 1;
            if (this.lineStarts[mid] < offset)
              low = mid + 1;
            else
              high = mid;
          }
          if (this.lineStarts[low] === offset)
            return { line: low + 1, col: 1 };
          if (low === 0)
            return { line: 0, col: offset };
          const start = this.lineStarts[low - 1];
          return { line: low, col: offset - start + 1 };
        };
      }
    };
    exports.LineCounter = LineCounter2;
  }
});

// node_modules/yaml/dist/parse/parser.js
var require_parser2 = __commonJS({
  "node_modules/yaml/dist/parse/parser.js"(exports) {
    "use strict";
    var node_process = __require("process");
    var cst = require_cst();
    var lexer = require_lexer();
    function includesToken(list, type) {
      for (let i = 0; i < list.length; ++i)
        if (list[i].type === type)
          return true;
      return false;
    }
    function findNonEmptyIndex(list) {
      for (let i = 0; i < list.length; ++i) {
        switch (list[i].type) {
          case "space":
          case "comment":
          case "newline":
            break;
          default:
            return i;
        }
      }
      return -1;
    }
    function isFlowToken(token) {
      switch (token?.type) {
        case "alias":
        case "scalar":
        case "single-quoted-scalar":
        case "double-quoted-scalar":
        case "flow-collection":
          return true;
        default:
          return false;
      }
    }
    function getPrevProps(parent) {
      switch (parent.type) {
        case "document":
          return parent.start;
        case "block-map": {
          const it = parent.items[parent.items.length - 1];
          return it.sep ?? it.start;
        }
        case "block-seq":
          return parent.items[parent.items.length - 1].start;
        /* istanbul ignore next should not happen */
        default:
          return [];
      }
    }
    function getFirstKeyStartProps(prev) {
      if (prev.length === 0)
        return [];
      let i = prev.length;
      loop: while (--i >= 0) {
        switch (prev[i].type) {
          case "doc-start":
          case "explicit-key-ind":
          case "map-value-ind":
          case "seq-item-ind":
          case "newline":
            break loop;
        }
      }
      while (prev[++i]?.type === "space") {
      }
      return prev.splice(i, prev.length);
    }
    function arrayPushArray(target, source) {
      if (source.length < 1e5)
        Array.prototype.push.apply(target, source);
      else
        for (let i = 0; i < source.length; ++i)
          target.push(source[i]);
    }
    function fixFlowSeqItems(fc) {
      if (fc.start.type === "flow-seq-start") {
        for (const it of fc.items) {
          if (it.sep && !it.value && !includesToken(it.start, "explicit-key-ind") && !includesToken(it.sep, "map-value-ind")) {
            if (it.key)
              it.value = it.key;
            delete it.key;
            if (isFlowToken(it.value)) {
              if (it.value.end)
                arrayPushArray(it.value.end, it.sep);
              else
                it.value.end = it.sep;
            } else
              arrayPushArray(it.start, it.sep);
            delete it.sep;
          }
        }
      }
    }
    var Parser2 = class {
      /**
       * @param onNewLine - If defined, called separately with the start position of
       *   each new line (in `parse()`, including the start of input).
       */
      constructor(onNewLine) {
        this.atNewLine = true;
        this.atScalar = false;
        this.indent = 0;
        this.offset = 0;
        this.onKeyLine = false;
        this.stack = [];
        this.source = "";
        this.type = "";
        this.lexer = new lexer.Lexer();
        this.onNewLine = onNewLine;
      }
      /**
       * Parse `source` as a YAML stream.
       * If `incomplete`, a part of the last line may be left as a buffer for the next call.
       *
       * Errors are not thrown, but yielded as `{ type: 'error', message }` tokens.
       *
       * @returns A generator of tokens representing each directive, document, and other structure.
       */
      *parse(source, incomplete = false) {
        if (this.onNewLine && this.offset === 0)
          this.onNewLine(0);
        for (const lexeme of this.lexer.lex(source, incomplete))
          yield* this.next(lexeme);
        if (!incomplete)
          yield* this.end();
      }
      /**
       * Advance the parser by the `source` of one lexical token.
       */
      *next(source) {
        this.source = source;
        if (node_process.env.LOG_TOKENS)
          console.log("|", cst.prettyToken(source));
        if (this.atScalar) {
          this.atScalar = false;
          yield* this.step();
          this.offset += source.length;
          return;
        }
        const type = cst.tokenType(source);
        if (!type) {
          const message = `Not a YAML token: ${source}`;
          yield* this.pop({ type: "error", offset: this.offset, message, source });
          this.offset += source.length;
        } else if (type === "scalar") {
          this.atNewLine = false;
          this.atScalar = true;
          this.type = "scalar";
        } else {
          this.type = type;
          yield* this.step();
          switch (type) {
            case "newline":
              this.atNewLine = true;
              this.indent = 0;
              if (this.onNewLine)
                this.onNewLine(this.offset + source.length);
              break;
            case "space":
              if (this.atNewLine && source[0] === " ")
                this.indent += source.length;
              break;
            case "explicit-key-ind":
            case "map-value-ind":
            case "seq-item-ind":
              if (this.atNewLine)
                this.indent += source.length;
              break;
            case "doc-mode":
            case "flow-error-end":
              return;
            default:
              this.atNewLine = false;
          }
          this.offset += source.length;
        }
      }
      /** Call at end of input to push out any remaining constructions */
      *end() {
        while (this.stack.length > 0)
          yield* this.pop();
      }
      get sourceToken() {
        const st = {
          type: this.type,
          offset: this.offset,
          indent: this.indent,
          source: this.source
        };
        return st;
      }
      *step() {
        const top = this.peek(1);
        if (this.type === "doc-end" && top?.type !== "doc-end") {
          while (this.stack.length > 0)
            yield* this.pop();
          this.stack.push({
            type: "doc-end",
            offset: this.offset,
            source: this.source
          });
          return;
        }
        if (!top)
          return yield* this.stream();
        switch (top.type) {
          case "document":
            return yield* this.document(top);
          case "alias":
          case "scalar":
          case "single-quoted-scalar":
          case "double-quoted-scalar":
            return yield* this.scalar(top);
          case "block-scalar":
            return yield* this.blockScalar(top);
          case "block-map":
            return yield* this.blockMap(top);
          case "block-seq":
            return yield* this.blockSequence(top);
          case "flow-collection":
            return yield* this.flowCollection(top);
          case "doc-end":
            return yield* this.documentEnd(top);
        }
        yield* this.pop();
      }
      peek(n) {
        return this.stack[this.stack.length - n];
      }
      *pop(error) {
        const token = error ?? this.stack.pop();
        if (!token) {
          const message = "Tried to pop an empty stack";
          yield { type: "error", offset: this.offset, source: "", message };
        } else if (this.stack.length === 0) {
          yield token;
        } else {
          const top = this.peek(1);
          if (token.type === "block-scalar") {
            token.indent = "indent" in top ? top.indent : 0;
          } else if (token.type === "flow-collection" && top.type === "document") {
            token.indent = 0;
          }
          if (token.type === "flow-collection")
            fixFlowSeqItems(token);
          switch (top.type) {
            case "document":
              top.value = token;
              break;
            case "block-scalar":
              top.props.push(token);
              break;
            case "block-map": {
              const it = top.items[top.items.length - 1];
              if (it.value) {
                top.items.push({ start: [], key: token, sep: [] });
                this.onKeyLine = true;
                return;
              } else if (it.sep) {
                it.value = token;
              } else {
                Object.assign(it, { key: token, sep: [] });
                this.onKeyLine = !it.explicitKey;
                return;
              }
              break;
            }
            case "block-seq": {
              const it = top.items[top.items.length - 1];
              if (it.value)
                top.items.push({ start: [], value: token });
              else
                it.value = token;
              break;
            }
            case "flow-collection": {
              const it = top.items[top.items.length - 1];
              if (!it || it.value)
                top.items.push({ start: [], key: token, sep: [] });
              else if (it.sep)
                it.value = token;
              else
                Object.assign(it, { key: token, sep: [] });
              return;
            }
            /* istanbul ignore next should not happen */
            default:
              yield* this.pop();
              yield* this.pop(token);
          }
          if ((top.type === "document" || top.type === "block-map" || top.type === "block-seq") && (token.type === "block-map" || token.type === "block-seq")) {
            const last = token.items[token.items.length - 1];
            if (last && !last.sep && !last.value && last.start.length > 0 && findNonEmptyIndex(last.start) === -1 && (token.indent === 0 || last.start.every((st) => st.type !== "comment" || st.indent < token.indent))) {
              if (top.type === "document")
                top.end = last.start;
              else
                top.items.push({ start: last.start });
              token.items.splice(-1, 1);
            }
          }
        }
      }
      *stream() {
        switch (this.type) {
          case "directive-line":
            yield { type: "directive", offset: this.offset, source: this.source };
            return;
          case "byte-order-mark":
          case "space":
          case "comment":
          case "newline":
            yield this.sourceToken;
            return;
          case "doc-mode":
          case "doc-start": {
            const doc = {
              type: "document",
              offset: this.offset,
              start: []
            };
            if (this.type === "doc-start")
              doc.start.push(this.sourceToken);
            this.stack.push(doc);
            return;
          }
        }
        yield {
          type: "error",
          offset: this.offset,
          message: `Unexpected ${this.type} token in YAML stream`,
          source: this.source
        };
      }
      *document(doc) {
        if (doc.value)
          return yield* this.lineEnd(doc);
        switch (this.type) {
          case "doc-start": {
            if (findNonEmptyIndex(doc.start) !== -1) {
              yield* this.pop();
              yield* this.step();
            } else
              doc.start.push(this.sourceToken);
            return;
          }
          case "anchor":
          case "tag":
          case "space":
          case "comment":
          case "newline":
            doc.start.push(this.sourceToken);
            return;
        }
        const bv = this.startBlockValue(doc);
        if (bv)
          this.stack.push(bv);
        else {
          yield {
            type: "error",
            offset: this.offset,
            message: `Unexpected ${this.type} token in YAML document`,
            source: this.source
          };
        }
      }
      *scalar(scalar) {
        if (this.type === "map-value-ind") {
          const prev = getPrevProps(this.peek(2));
          const start = getFirstKeyStartProps(prev);
          let sep2;
          if (scalar.end) {
            sep2 = scalar.end;
            sep2.push(this.sourceToken);
            delete scalar.end;
          } else
            sep2 = [this.sourceToken];
          const map = {
            type: "block-map",
            offset: scalar.offset,
            indent: scalar.indent,
            items: [{ start, key: scalar, sep: sep2 }]
          };
          this.onKeyLine = true;
          this.stack[this.stack.length - 1] = map;
        } else
          yield* this.lineEnd(scalar);
      }
      *blockScalar(scalar) {
        switch (this.type) {
          case "space":
          case "comment":
          case "newline":
            scalar.props.push(this.sourceToken);
            return;
          case "scalar":
            scalar.source = this.source;
            this.atNewLine = true;
            this.indent = 0;
            if (this.onNewLine) {
              let nl = this.source.indexOf("\n") + 1;
              while (nl !== 0) {
                this.onNewLine(this.offset + nl);
                nl = this.source.indexOf("\n", nl) + 1;
              }
            }
            yield* this.pop();
            break;
          /* istanbul ignore next should not happen */
          default:
            yield* this.pop();
            yield* this.step();
        }
      }
      *blockMap(map) {
        const it = map.items[map.items.length - 1];
        switch (this.type) {
          case "newline":
            this.onKeyLine = false;
            if (it.value) {
              const end = "end" in it.value ? it.value.end : void 0;
              const last = Array.isArray(end) ? end[end.length - 1] : void 0;
              if (last?.type === "comment")
                end?.push(this.sourceToken);
              else
                map.items.push({ start: [this.sourceToken] });
            } else if (it.sep) {
              it.sep.push(this.sourceToken);
            } else {
              it.start.push(this.sourceToken);
            }
            return;
          case "space":
          case "comment":
            if (it.value) {
              map.items.push({ start: [this.sourceToken] });
            } else if (it.sep) {
              it.sep.push(this.sourceToken);
            } else {
              if (this.atIndentedComment(it.start, map.indent)) {
                const prev = map.items[map.items.length - 2];
                const end = prev?.value?.end;
                if (Array.isArray(end)) {
                  arrayPushArray(end, it.start);
                  end.push(this.sourceToken);
                  map.items.pop();
                  return;
                }
              }
              it.start.push(this.sourceToken);
            }
            return;
        }
        if (this.indent >= map.indent) {
          const atMapIndent = !this.onKeyLine && this.indent === map.indent;
          const atNextItem = atMapIndent && (it.sep || it.explicitKey) && this.type !== "seq-item-ind";
          let start = [];
          if (atNextItem && it.sep && !it.value) {
            const nl = [];
            for (let i = 0; i < it.sep.length; ++i) {
              const st = it.sep[i];
              switch (st.type) {
                case "newline":
                  nl.push(i);
                  break;
                case "space":
                  break;
                case "comment":
                  if (st.indent > map.indent)
                    nl.length = 0;
                  break;
                default:
                  nl.length = 0;
              }
            }
            if (nl.length >= 2)
              start = it.sep.splice(nl[1]);
          }
          switch (this.type) {
            case "anchor":
            case "tag":
              if (atNextItem || it.value) {
                start.push(this.sourceToken);
                map.items.push({ start });
                this.onKeyLine = true;
              } else if (it.sep) {
                it.sep.push(this.sourceToken);
              } else {
                it.start.push(this.sourceToken);
              }
              return;
            case "explicit-key-ind":
              if (!it.sep && !it.explicitKey) {
                it.start.push(this.sourceToken);
                it.explicitKey = true;
              } else if (atNextItem || it.value) {
                start.push(this.sourceToken);
                map.items.push({ start, explicitKey: true });
              } else {
                this.stack.push({
                  type: "block-map",
                  offset: this.offset,
                  indent: this.indent,
                  items: [{ start: [this.sourceToken], explicitKey: true }]
                });
              }
              this.onKeyLine = true;
              return;
            case "map-value-ind":
              if (it.explicitKey) {
                if (!it.sep) {
                  if (includesToken(it.start, "newline")) {
                    Object.assign(it, { key: null, sep: [this.sourceToken] });
                  } else {
                    const start2 = getFirstKeyStartProps(it.start);
                    this.stack.push({
                      type: "block-map",
                      offset: this.offset,
                      indent: this.indent,
                      items: [{ start: start2, key: null, sep: [this.sourceToken] }]
                    });
                  }
                } else if (it.value) {
                  map.items.push({ start: [], key: null, sep: [this.sourceToken] });
                } else if (includesToken(it.sep, "map-value-ind")) {
                  this.stack.push({
                    type: "block-map",
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start, key: null, sep: [this.sourceToken] }]
                  });
                } else if (isFlowToken(it.key) && !includesToken(it.sep, "newline")) {
                  const start2 = getFirstKeyStartProps(it.start);
                  const key = it.key;
                  const sep2 = it.sep;
                  sep2.push(this.sourceToken);
                  delete it.key;
                  delete it.sep;
                  this.stack.push({
                    type: "block-map",
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start: start2, key, sep: sep2 }]
                  });
                } else if (start.length > 0) {
                  it.sep = it.sep.concat(start, this.sourceToken);
                } else {
                  it.sep.push(this.sourceToken);
                }
              } else {
                if (!it.sep) {
                  Object.assign(it, { key: null, sep: [this.sourceToken] });
                } else if (it.value || atNextItem) {
                  map.items.push({ start, key: null, sep: [this.sourceToken] });
                } else if (includesToken(it.sep, "map-value-ind")) {
                  this.stack.push({
                    type: "block-map",
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start: [], key: null, sep: [this.sourceToken] }]
                  });
                } else {
                  it.sep.push(this.sourceToken);
                }
              }
              this.onKeyLine = true;
              return;
            case "alias":
            case "scalar":
            case "single-quoted-scalar":
            case "double-quoted-scalar": {
              const fs = this.flowScalar(this.type);
              if (atNextItem || it.value) {
                map.items.push({ start, key: fs, sep: [] });
                this.onKeyLine = true;
              } else if (it.sep) {
                this.stack.push(fs);
              } else {
                Object.assign(it, { key: fs, sep: [] });
                this.onKeyLine = true;
              }
              return;
            }
            default: {
              const bv = this.startBlockValue(map);
              if (bv) {
                if (bv.type === "block-seq") {
                  if (!it.explicitKey && it.sep && !includesToken(it.sep, "newline")) {
                    yield* this.pop({
                      type: "error",
                      offset: this.offset,
                      message: "Unexpected block-seq-ind on same line with key",
                      source: this.source
                    });
                    return;
                  }
                } else if (atMapIndent) {
                  map.items.push({ start });
                }
                this.stack.push(bv);
                return;
              }
            }
          }
        }
        yield* this.pop();
        yield* this.step();
      }
      *blockSequence(seq) {
        const it = seq.items[seq.items.length - 1];
        switch (this.type) {
          case "newline":
            if (it.value) {
              const end = "end" in it.value ? it.value.end : void 0;
              const last = Array.isArray(end) ? end[end.length - 1] : void 0;
              if (last?.type === "comment")
                end?.push(this.sourceToken);
              else
                seq.items.push({ start: [this.sourceToken] });
            } else
              it.start.push(this.sourceToken);
            return;
          case "space":
          case "comment":
            if (it.value)
              seq.items.push({ start: [this.sourceToken] });
            else {
              if (this.atIndentedComment(it.start, seq.indent)) {
                const prev = seq.items[seq.items.length - 2];
                const end = prev?.value?.end;
                if (Array.isArray(end)) {
                  arrayPushArray(end, it.start);
                  end.push(this.sourceToken);
                  seq.items.pop();
                  return;
                }
              }
              it.start.push(this.sourceToken);
            }
            return;
          case "anchor":
          case "tag":
            if (it.value || this.indent <= seq.indent)
              break;
            it.start.push(this.sourceToken);
            return;
          case "seq-item-ind":
            if (this.indent !== seq.indent)
              break;
            if (it.value || includesToken(it.start, "seq-item-ind"))
              seq.items.push({ start: [this.sourceToken] });
            else
              it.start.push(this.sourceToken);
            return;
        }
        if (this.indent > seq.indent) {
          const bv = this.startBlockValue(seq);
          if (bv) {
            this.stack.push(bv);
            return;
          }
        }
        yield* this.pop();
        yield* this.step();
      }
      *flowCollection(fc) {
        const it = fc.items[fc.items.length - 1];
        if (this.type === "flow-error-end") {
          let top;
          do {
            yield* this.pop();
            top = this.peek(1);
          } while (top?.type === "flow-collection");
        } else if (fc.end.length === 0) {
          switch (this.type) {
            case "comma":
            case "explicit-key-ind":
              if (!it || it.sep)
                fc.items.push({ start: [this.sourceToken] });
              else
                it.start.push(this.sourceToken);
              return;
            case "map-value-ind":
              if (!it || it.value)
                fc.items.push({ start: [], key: null, sep: [this.sourceToken] });
              else if (it.sep)
                it.sep.push(this.sourceToken);
              else
                Object.assign(it, { key: null, sep: [this.sourceToken] });
              return;
            case "space":
            case "comment":
            case "newline":
            case "anchor":
            case "tag":
              if (!it || it.value)
                fc.items.push({ start: [this.sourceToken] });
              else if (it.sep)
                it.sep.push(this.sourceToken);
              else
                it.start.push(this.sourceToken);
              return;
            case "alias":
            case "scalar":
            case "single-quoted-scalar":
            case "double-quoted-scalar": {
              const fs = this.flowScalar(this.type);
              if (!it || it.value)
                fc.items.push({ start: [], key: fs, sep: [] });
              else if (it.sep)
                this.stack.push(fs);
              else
                Object.assign(it, { key: fs, sep: [] });
              return;
            }
            case "flow-map-end":
            case "flow-seq-end":
              fc.end.push(this.sourceToken);
              return;
          }
          const bv = this.startBlockValue(fc);
          if (bv)
            this.stack.push(bv);
          else {
            yield* this.pop();
            yield* this.step();
          }
        } else {
          const parent = this.peek(2);
          if (parent.type === "block-map" && (this.type === "map-value-ind" && parent.indent === fc.indent || this.type === "newline" && !parent.items[parent.items.length - 1].sep)) {
            yield* this.pop();
            yield* this.step();
          } else if (this.type === "map-value-ind" && parent.type !== "flow-collection") {
            const prev = getPrevProps(parent);
            const start = getFirstKeyStartProps(prev);
            fixFlowSeqItems(fc);
            const sep2 = fc.end.splice(1, fc.end.length);
            sep2.push(this.sourceToken);
            const map = {
              type: "block-map",
              offset: fc.offset,
              indent: fc.indent,
              items: [{ start, key: fc, sep: sep2 }]
            };
            this.onKeyLine = true;
            this.stack[this.stack.length - 1] = map;
          } else {
            yield* this.lineEnd(fc);
          }
        }
      }
      flowScalar(type) {
        if (this.onNewLine) {
          let nl = this.source.indexOf("\n") + 1;
          while (nl !== 0) {
            this.onNewLine(this.offset + nl);
            nl = this.source.indexOf("\n", nl) + 1;
          }
        }
        return {
          type,
          offset: this.offset,
          indent: this.indent,
          source: this.source
        };
      }
      startBlockValue(parent) {
        switch (this.type) {
          case "alias":
          case "scalar":
          case "single-quoted-scalar":
          case "double-quoted-scalar":
            return this.flowScalar(this.type);
          case "block-scalar-header":
            return {
              type: "block-scalar",
              offset: this.offset,
              indent: this.indent,
              props: [this.sourceToken],
              source: ""
            };
          case "flow-map-start":
          case "flow-seq-start":
            return {
              type: "flow-collection",
              offset: this.offset,
              indent: this.indent,
              start: this.sourceToken,
              items: [],
              end: []
            };
          case "seq-item-ind":
            return {
              type: "block-seq",
              offset: this.offset,
              indent: this.indent,
              items: [{ start: [this.sourceToken] }]
            };
          case "explicit-key-ind": {
            this.onKeyLine = true;
            const prev = getPrevProps(parent);
            const start = getFirstKeyStartProps(prev);
            start.push(this.sourceToken);
            return {
              type: "block-map",
              offset: this.offset,
              indent: this.indent,
              items: [{ start, explicitKey: true }]
            };
          }
          case "map-value-ind": {
            this.onKeyLine = true;
            const prev = getPrevProps(parent);
            const start = getFirstKeyStartProps(prev);
            return {
              type: "block-map",
              offset: this.offset,
              indent: this.indent,
              items: [{ start, key: null, sep: [this.sourceToken] }]
            };
          }
        }
        return null;
      }
      atIndentedComment(start, indent2) {
        if (this.type !== "comment")
          return false;
        if (this.indent <= indent2)
          return false;
        return start.every((st) => st.type === "newline" || st.type === "space");
      }
      *documentEnd(docEnd) {
        if (this.type !== "doc-mode") {
          if (docEnd.end)
            docEnd.end.push(this.sourceToken);
          else
            docEnd.end = [this.sourceToken];
          if (this.type === "newline")
            yield* this.pop();
        }
      }
      *lineEnd(token) {
        switch (this.type) {
          case "comma":
          case "doc-start":
          case "doc-end":
          case "flow-seq-end":
          case "flow-map-end":
          case "map-value-ind":
            yield* this.pop();
            yield* this.step();
            break;
          case "newline":
            this.onKeyLine = false;
          // fallthrough
          case "space":
          case "comment":
          default:
            if (token.end)
              token.end.push(this.sourceToken);
            else
              token.end = [this.sourceToken];
            if (this.type === "newline")
              yield* this.pop();
        }
      }
    };
    exports.Parser = Parser2;
  }
});

// node_modules/yaml/dist/public-api.js
var require_public_api = __commonJS({
  "node_modules/yaml/dist/public-api.js"(exports) {
    "use strict";
    var composer = require_composer();
    var Document = require_Document();
    var errors = require_errors();
    var log = require_log();
    var identity2 = require_identity();
    var lineCounter = require_line_counter();
    var parser3 = require_parser2();
    function parseOptions(options) {
      const prettyErrors = options.prettyErrors !== false;
      const lineCounter$1 = options.lineCounter || prettyErrors && new lineCounter.LineCounter() || null;
      return { lineCounter: lineCounter$1, prettyErrors };
    }
    function parseAllDocuments(source, options = {}) {
      const { lineCounter: lineCounter2, prettyErrors } = parseOptions(options);
      const parser$1 = new parser3.Parser(lineCounter2?.addNewLine);
      const composer$1 = new composer.Composer(options);
      const docs = Array.from(composer$1.compose(parser$1.parse(source)));
      if (prettyErrors && lineCounter2)
        for (const doc of docs) {
          doc.errors.forEach(errors.prettifyError(source, lineCounter2));
          doc.warnings.forEach(errors.prettifyError(source, lineCounter2));
        }
      if (docs.length > 0)
        return docs;
      return Object.assign([], { empty: true }, composer$1.streamInfo());
    }
    function parseDocument2(source, options = {}) {
      const { lineCounter: lineCounter2, prettyErrors } = parseOptions(options);
      const parser$1 = new parser3.Parser(lineCounter2?.addNewLine);
      const composer$1 = new composer.Composer(options);
      let doc = null;
      for (const _doc of composer$1.compose(parser$1.parse(source), true, source.length)) {
        if (!doc)
          doc = _doc;
        else if (doc.options.logLevel !== "silent") {
          doc.errors.push(new errors.YAMLParseError(_doc.range.slice(0, 2), "MULTIPLE_DOCS", "Source contains multiple documents; please use YAML.parseAllDocuments()"));
          break;
        }
      }
      if (prettyErrors && lineCounter2) {
        doc.errors.forEach(errors.prettifyError(source, lineCounter2));
        doc.warnings.forEach(errors.prettifyError(source, lineCounter2));
      }
      return doc;
    }
    function parse(src, reviver, options) {
      let _reviver = void 0;
      if (typeof reviver === "function") {
        _reviver = reviver;
      } else if (options === void 0 && reviver && typeof reviver === "object") {
        options = reviver;
      }
      const doc = parseDocument2(src, options);
      if (!doc)
        return null;
      doc.warnings.forEach((warning) => log.warn(doc.options.logLevel, warning));
      if (doc.errors.length > 0) {
        if (doc.options.logLevel !== "silent")
          throw doc.errors[0];
        else
          doc.errors = [];
      }
      return doc.toJS(Object.assign({ reviver: _reviver }, options));
    }
    function stringify(value, replacer, options) {
      let _replacer = null;
      if (typeof replacer === "function" || Array.isArray(replacer)) {
        _replacer = replacer;
      } else if (options === void 0 && replacer) {
        options = replacer;
      }
      if (typeof options === "string")
        options = options.length;
      if (typeof options === "number") {
        const indent2 = Math.round(options);
        options = indent2 < 1 ? void 0 : indent2 > 8 ? { indent: 8 } : { indent: indent2 };
      }
      if (value === void 0) {
        const { keepUndefined } = options ?? replacer ?? {};
        if (!keepUndefined)
          return void 0;
      }
      if (identity2.isDocument(value) && !_replacer)
        return value.toString(options);
      return new Document.Document(value, _replacer, options).toString(options);
    }
    exports.parse = parse;
    exports.parseAllDocuments = parseAllDocuments;
    exports.parseDocument = parseDocument2;
    exports.stringify = stringify;
  }
});

// node_modules/yaml/dist/index.js
var require_dist = __commonJS({
  "node_modules/yaml/dist/index.js"(exports) {
    "use strict";
    var composer = require_composer();
    var Document = require_Document();
    var Schema = require_Schema();
    var errors = require_errors();
    var Alias = require_Alias();
    var identity2 = require_identity();
    var Pair = require_Pair();
    var Scalar = require_Scalar();
    var YAMLMap = require_YAMLMap();
    var YAMLSeq = require_YAMLSeq();
    var cst = require_cst();
    var lexer = require_lexer();
    var lineCounter = require_line_counter();
    var parser3 = require_parser2();
    var publicApi = require_public_api();
    var visit = require_visit();
    exports.Composer = composer.Composer;
    exports.Document = Document.Document;
    exports.Schema = Schema.Schema;
    exports.YAMLError = errors.YAMLError;
    exports.YAMLParseError = errors.YAMLParseError;
    exports.YAMLWarning = errors.YAMLWarning;
    exports.Alias = Alias.Alias;
    exports.isAlias = identity2.isAlias;
    exports.isCollection = identity2.isCollection;
    exports.isDocument = identity2.isDocument;
    exports.isMap = identity2.isMap;
    exports.isNode = identity2.isNode;
    exports.isPair = identity2.isPair;
    exports.isScalar = identity2.isScalar;
    exports.isSeq = identity2.isSeq;
    exports.Pair = Pair.Pair;
    exports.Scalar = Scalar.Scalar;
    exports.YAMLMap = YAMLMap.YAMLMap;
    exports.YAMLSeq = YAMLSeq.YAMLSeq;
    exports.CST = cst;
    exports.Lexer = lexer.Lexer;
    exports.LineCounter = lineCounter.LineCounter;
    exports.Parser = parser3.Parser;
    exports.parse = publicApi.parse;
    exports.parseAllDocuments = publicApi.parseAllDocuments;
    exports.parseDocument = publicApi.parseDocument;
    exports.stringify = publicApi.stringify;
    exports.visit = visit.visit;
    exports.visitAsync = visit.visitAsync;
  }
});

// src/util/safe-fs.ts
import {
  closeSync,
  constants,
  fstatSync,
  ftruncateSync,
  lstatSync,
  mkdirSync,
  openSync,
  readSync,
  realpathSync,
  writeSync
} from "node:fs";
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from "node:path";
var realpath = realpathSync.native;
var UnsafePathError = class extends Error {
  constructor(path, reason) {
    super(`${path}: ${reason}`);
    this.path = path;
    this.reason = reason;
  }
  path;
  reason;
  name = "UnsafePathError";
};
function isInside(path, root) {
  const rel = relative(root, path);
  return rel === "" || !rel.startsWith(`..${sep}`) && rel !== ".." && !isAbsolute(rel);
}
function resolveInside(root, path, what = "the scanned directory") {
  const absRoot = resolve(root);
  const realRoot = realpath(absRoot);
  const lexical = resolve(absRoot, path);
  if (!isInside(lexical, absRoot) && !isInside(lexical, realRoot))
    throw new UnsafePathError(path, `outside ${what}`);
  let real;
  try {
    real = realpath(lexical);
  } catch (error) {
    const code2 = error.code;
    if (code2 === "ENOENT" && isLink(lexical))
      throw new UnsafePathError(path, "a symbolic link whose target does not exist");
    throw new UnsafePathError(
      path,
      code2 === "ENOENT" || code2 === "ENOTDIR" ? "it does not exist" : `cannot be read (${code2 ?? error.message})`
    );
  }
  if (!isInside(real, realRoot)) throw new UnsafePathError(path, `a symbolic link leaving ${what}`);
  return real;
}
function readInsideSync(root, path, limits) {
  const real = resolveInside(root, path, limits.what);
  return readRegularFileSync(real, limits.maxBytes, path);
}
async function readInside(root, path, limits) {
  return readInsideSync(root, path, limits);
}
function readRegularFileSync(path, maxBytes, display = path) {
  let fd;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  } catch (error) {
    const code2 = error.code;
    if (code2 === "ELOOP") throw new UnsafePathError(display, "a symbolic link, not followed");
    if (code2 === "ENOENT") throw new UnsafePathError(display, "it does not exist");
    throw new UnsafePathError(display, `cannot be read (${code2 ?? error.message})`);
  }
  try {
    const info = fstatSync(fd);
    if (!info.isFile()) throw new UnsafePathError(display, "not a regular file");
    if (info.size > maxBytes) throw new UnsafePathError(display, `larger than ${formatBytes(maxBytes)}`);
    const buffer = Buffer.alloc(Math.min(maxBytes, info.size) + 1);
    let length = 0;
    for (; ; ) {
      const n = readSync(fd, buffer, length, buffer.length - length, null);
      if (n === 0) break;
      length += n;
      if (length === buffer.length) break;
    }
    if (length > maxBytes) throw new UnsafePathError(display, `larger than ${formatBytes(maxBytes)}`);
    return buffer.subarray(0, length);
  } finally {
    closeSync(fd);
  }
}
function writeOwnFile(path, text, within) {
  const file = resolve(path);
  const dir = ownDirectory(dirname(file), within);
  const target = join(dir, basename(file));
  let fd;
  try {
    fd = openSync(
      target,
      constants.O_WRONLY | constants.O_CREAT | constants.O_NOFOLLOW | constants.O_NONBLOCK,
      420
    );
  } catch (error) {
    const code2 = error.code;
    if (code2 === "ELOOP") throw new UnsafePathError(path, "a symbolic link; refusing to write through it");
    throw new UnsafePathError(path, `cannot be written (${code2 ?? error.message})`);
  }
  try {
    const info = fstatSync(fd);
    if (!info.isFile()) throw new UnsafePathError(path, "not a regular file; refusing to write to it");
    if (info.nlink > 1)
      throw new UnsafePathError(path, "a file with other hard links; refusing to write to it");
    ftruncateSync(fd, 0);
    const bytes = Buffer.from(text, "utf8");
    for (let off = 0; off < bytes.length; ) off += writeSync(fd, bytes, off, bytes.length - off, off);
  } finally {
    closeSync(fd);
  }
}
function ownDirectory(dir, within) {
  const roots = within.map((w) => plannedRealPath(resolve(w)).planned);
  const { real, missing, planned } = plannedRealPath(dir);
  if (!roots.some((r) => isInside(planned, r)))
    throw new UnsafePathError(dir, "outside the workspace and the runner temporary directory");
  let current = real;
  for (const name2 of missing) {
    current = join(current, name2);
    try {
      mkdirSync(current, { mode: 493 });
    } catch (error) {
      if (error.code !== "EEXIST") throw error;
    }
    if (!lstatSync(current).isDirectory()) throw new UnsafePathError(current, "not a directory");
  }
  if (!statSyncIsDirectory(current)) throw new UnsafePathError(dir, "not a directory");
  return current;
}
function plannedRealPath(dir) {
  const missing = [];
  let existing = dir;
  while (!exists(existing)) {
    const parent = dirname(existing);
    if (parent === existing) break;
    missing.unshift(basename(existing));
    existing = parent;
  }
  let real;
  try {
    real = realpath(existing);
  } catch {
    throw new UnsafePathError(dir, "a symbolic link whose target does not exist");
  }
  return { real, missing, planned: join(real, ...missing) };
}
function statSyncIsDirectory(path) {
  try {
    return lstatSync(path).isDirectory();
  } catch {
    return false;
  }
}
function exists(path) {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}
function isLink(path) {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}
function formatBytes(n) {
  if (n % (1024 * 1024) === 0) return `${n / (1024 * 1024)} MiB`;
  if (n % 1024 === 0) return `${n / 1024} KiB`;
  return `${n} bytes`;
}

// src/core/fingerprint.ts
import { createHash } from "node:crypto";
var MEASURE = /\d+(?:\.\d+)?\s?(?:ms|s|sec|seconds?|min|minutes?|[KMG]i?B|%)(?![\w])/g;
function stableMessage(message) {
  return message.replace(MEASURE, "#");
}
function identityKey(raw) {
  return raw.key ?? stableMessage(raw.message);
}
function fingerprintOf(ruleId, raw) {
  return createHash("sha256").update(`${ruleId}\0${raw.file}\0${identityKey(raw)}`).digest("hex").slice(0, 16);
}
function stamp(rule, raw) {
  const { key: _key, ...rest } = raw;
  return {
    ...rest,
    ruleId: rule.id,
    name: rule.name,
    factor: rule.factor,
    kind: rule.kind,
    severity: raw.severity ?? rule.severity,
    related: rule.related,
    fingerprint: fingerprintOf(rule.id, raw)
  };
}

// src/core/finding.ts
var SEVERITIES = ["error", "warning", "notice"];

// src/core/message.ts
function code(text) {
  return { kind: "code", text };
}
function msg(strings2, ...values) {
  const parts = [];
  const push = (part) => {
    if (part.text === "") return;
    const last = parts.at(-1);
    if (last && last.kind === part.kind && part.kind !== "code") last.text += part.text;
    else parts.push({ ...part });
  };
  strings2.forEach((literal2, i) => {
    push({ kind: "text", text: literal2 });
    if (i >= values.length) return;
    const v = values[i];
    if (typeof v === "number") push({ kind: "text", text: String(v) });
    else if (typeof v === "string") push({ kind: "value", text: v });
    else push(v);
  });
  return { message: plainMessage(parts), parts };
}
function plainMessage(parts) {
  return parts.map((p) => p.kind === "code" ? backticked(p.text) : p.text).join("");
}
function backticked(text) {
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = "`".repeat(longest + 1);
  const pad = text.startsWith("`") || text.endsWith("`") ? " " : "";
  return `${fence}${pad}${text}${pad}${fence}`;
}
function partsOfPlain(message) {
  const parts = [];
  let rest = message;
  for (; ; ) {
    const open = /`+/.exec(rest);
    if (!open) break;
    const fence = open[0];
    const after = rest.slice(open.index + fence.length);
    const close = new RegExp(`(?<!\`)${fence}(?!\`)`).exec(after);
    if (!close) break;
    if (open.index > 0) parts.push({ kind: "value", text: rest.slice(0, open.index) });
    let inner = after.slice(0, close.index);
    if (/^ .*[^ ].* $/s.test(inner)) inner = inner.slice(1, -1);
    parts.push({ kind: "code", text: inner });
    rest = after.slice(close.index + fence.length);
  }
  if (rest) parts.push({ kind: "value", text: rest });
  return parts;
}

// src/model/settings/query.ts
function withBases(settings, bases = []) {
  if (bases.length === 0) return settings;
  const all = [...bases, settings].reverse();
  const databases = all.find((m) => m.databases && m.databases.selection.kind !== "unknown")?.databases ?? all.find((m) => m.databases)?.databases;
  return {
    ...settings,
    assignments: [...bases, settings].flatMap((m) => m.assignments),
    envReads: [...bases, settings].flatMap((m) => m.envReads),
    ...databases ? { databases } : {}
  };
}
function liveAssignments(model, name2) {
  return model.assignments.filter((a) => a.name === name2 && a.live);
}
function valueWhenUnset(v, depth = 0) {
  if (!v || depth > 20) return void 0;
  if (v.kind === "env") return valueWhenUnset(v.fallback, depth + 1);
  return v;
}
function providedEnvironment(app) {
  const values = /* @__PURE__ */ new Map();
  const sources = [];
  let complete = true;
  const stage = app.dockerfile?.targetStage;
  if (stage) {
    sources.push("the Dockerfile");
    for (const [name2, value] of Object.entries(stage.env)) values.set(name2, value);
  }
  const service = app.compose?.appService;
  if (service) {
    sources.push(`the compose service '${service.name}'`);
    for (const e of service.environment) values.set(e.name, e.value);
    for (const f of service.envFiles)
      if (!service.environment.some((e) => e.source === "env_file" && e.file === f.path)) complete = false;
  }
  return { values, complete, sources };
}

// node_modules/@lezer/common/dist/index.js
var DefaultBufferLength = 1024;
var nextPropID = 0;
var Range = class {
  constructor(from, to) {
    this.from = from;
    this.to = to;
  }
};
var NodeProp = class {
  /**
  Create a new node prop type.
  */
  constructor(config2 = {}) {
    this.id = nextPropID++;
    this.perNode = !!config2.perNode;
    this.deserialize = config2.deserialize || (() => {
      throw new Error("This node type doesn't define a deserialize function");
    });
    this.combine = config2.combine || null;
  }
  /**
  This is meant to be used with
  [`NodeSet.extend`](#common.NodeSet.extend) or
  [`LRParser.configure`](#lr.ParserConfig.props) to compute
  prop values for each node type in the set. Takes a [match
  object](#common.NodeType^match) or function that returns undefined
  if the node type doesn't get this prop, and the prop's value if
  it does.
  */
  add(match) {
    if (this.perNode)
      throw new RangeError("Can't add per-node props to node types");
    if (typeof match != "function")
      match = NodeType.match(match);
    return (type) => {
      let result = match(type);
      return result === void 0 ? null : [this, result];
    };
  }
};
NodeProp.closedBy = new NodeProp({ deserialize: (str) => str.split(" ") });
NodeProp.openedBy = new NodeProp({ deserialize: (str) => str.split(" ") });
NodeProp.group = new NodeProp({ deserialize: (str) => str.split(" ") });
NodeProp.isolate = new NodeProp({ deserialize: (value) => {
  if (value && value != "rtl" && value != "ltr" && value != "auto")
    throw new RangeError("Invalid value for isolate: " + value);
  return value || "auto";
} });
NodeProp.contextHash = new NodeProp({ perNode: true });
NodeProp.lookAhead = new NodeProp({ perNode: true });
NodeProp.mounted = new NodeProp({ perNode: true });
var MountedTree = class {
  constructor(tree, overlay, parser3, bracketed2 = false) {
    this.tree = tree;
    this.overlay = overlay;
    this.parser = parser3;
    this.bracketed = bracketed2;
  }
  /**
  @internal
  */
  static get(tree) {
    return tree && tree.props && tree.props[NodeProp.mounted.id];
  }
};
var noProps = /* @__PURE__ */ Object.create(null);
var NodeType = class _NodeType {
  /**
  @internal
  */
  constructor(name2, props, id2, flags = 0) {
    this.name = name2;
    this.props = props;
    this.id = id2;
    this.flags = flags;
  }
  /**
  Define a node type.
  */
  static define(spec) {
    let props = spec.props && spec.props.length ? /* @__PURE__ */ Object.create(null) : noProps;
    let flags = (spec.top ? 1 : 0) | (spec.skipped ? 2 : 0) | (spec.error ? 4 : 0) | (spec.name == null ? 8 : 0);
    let type = new _NodeType(spec.name || "", props, spec.id, flags);
    if (spec.props)
      for (let src of spec.props) {
        if (!Array.isArray(src))
          src = src(type);
        if (src) {
          if (src[0].perNode)
            throw new RangeError("Can't store a per-node prop on a node type");
          props[src[0].id] = src[1];
        }
      }
    return type;
  }
  /**
  Retrieves a node prop for this type. Will return `undefined` if
  the prop isn't present on this node.
  */
  prop(prop) {
    return this.props[prop.id];
  }
  /**
  True when this is the top node of a grammar.
  */
  get isTop() {
    return (this.flags & 1) > 0;
  }
  /**
  True when this node is produced by a skip rule.
  */
  get isSkipped() {
    return (this.flags & 2) > 0;
  }
  /**
  Indicates whether this is an error node.
  */
  get isError() {
    return (this.flags & 4) > 0;
  }
  /**
  When true, this node type doesn't correspond to a user-declared
  named node, for example because it is used to cache repetition.
  */
  get isAnonymous() {
    return (this.flags & 8) > 0;
  }
  /**
  Returns true when this node's name or one of its
  [groups](#common.NodeProp^group) matches the given string.
  */
  is(name2) {
    if (typeof name2 == "string") {
      if (this.name == name2)
        return true;
      let group = this.prop(NodeProp.group);
      return group ? group.indexOf(name2) > -1 : false;
    }
    return this.id == name2;
  }
  /**
  Create a function from node types to arbitrary values by
  specifying an object whose property names are node or
  [group](#common.NodeProp^group) names. Often useful with
  [`NodeProp.add`](#common.NodeProp.add). You can put multiple
  names, separated by spaces, in a single property name to map
  multiple node names to a single value.
  */
  static match(map) {
    let direct = /* @__PURE__ */ Object.create(null);
    for (let prop in map)
      for (let name2 of prop.split(" "))
        direct[name2] = map[prop];
    return (node) => {
      for (let groups = node.prop(NodeProp.group), i = -1; i < (groups ? groups.length : 0); i++) {
        let found = direct[i < 0 ? node.name : groups[i]];
        if (found)
          return found;
      }
    };
  }
};
NodeType.none = new NodeType(
  "",
  /* @__PURE__ */ Object.create(null),
  0,
  8
  /* NodeFlag.Anonymous */
);
var NodeSet = class _NodeSet {
  /**
  Create a set with the given types. The `id` property of each
  type should correspond to its position within the array.
  */
  constructor(types) {
    this.types = types;
    for (let i = 0; i < types.length; i++)
      if (types[i].id != i)
        throw new RangeError("Node type ids should correspond to array positions when creating a node set");
  }
  /**
  Create a copy of this set with some node properties added. The
  arguments to this method can be created with
  [`NodeProp.add`](#common.NodeProp.add).
  */
  extend(...props) {
    let newTypes = [];
    for (let type of this.types) {
      let newProps = null;
      for (let source of props) {
        let add2 = source(type);
        if (add2) {
          if (!newProps)
            newProps = Object.assign({}, type.props);
          let value = add2[1], prop = add2[0];
          if (prop.combine && prop.id in newProps)
            value = prop.combine(newProps[prop.id], value);
          newProps[prop.id] = value;
        }
      }
      newTypes.push(newProps ? new NodeType(type.name, newProps, type.id, type.flags) : type);
    }
    return new _NodeSet(newTypes);
  }
};
var CachedNode = /* @__PURE__ */ new WeakMap();
var CachedInnerNode = /* @__PURE__ */ new WeakMap();
var IterMode;
(function(IterMode2) {
  IterMode2[IterMode2["ExcludeBuffers"] = 1] = "ExcludeBuffers";
  IterMode2[IterMode2["IncludeAnonymous"] = 2] = "IncludeAnonymous";
  IterMode2[IterMode2["IgnoreMounts"] = 4] = "IgnoreMounts";
  IterMode2[IterMode2["IgnoreOverlays"] = 8] = "IgnoreOverlays";
  IterMode2[IterMode2["EnterBracketed"] = 16] = "EnterBracketed";
})(IterMode || (IterMode = {}));
var Tree = class _Tree {
  /**
  Construct a new tree. See also [`Tree.build`](#common.Tree^build).
  */
  constructor(type, children, positions, length, props) {
    this.type = type;
    this.children = children;
    this.positions = positions;
    this.length = length;
    this.props = null;
    if (props && props.length) {
      this.props = /* @__PURE__ */ Object.create(null);
      for (let [prop, value] of props)
        this.props[typeof prop == "number" ? prop : prop.id] = value;
    }
  }
  /**
  @internal
  */
  toString() {
    let mounted = MountedTree.get(this);
    if (mounted && !mounted.overlay)
      return mounted.tree.toString();
    let children = "";
    for (let ch of this.children) {
      let str = ch.toString();
      if (str) {
        if (children)
          children += ",";
        children += str;
      }
    }
    return !this.type.name ? children : (/\W/.test(this.type.name) && !this.type.isError ? JSON.stringify(this.type.name) : this.type.name) + (children.length ? "(" + children + ")" : "");
  }
  /**
  Get a [tree cursor](#common.TreeCursor) positioned at the top of
  the tree. Mode can be used to [control](#common.IterMode) which
  nodes the cursor visits.
  */
  cursor(mode = 0) {
    return new TreeCursor(this.topNode, mode);
  }
  /**
  Get a [tree cursor](#common.TreeCursor) pointing into this tree
  at the given position and side (see
  [`moveTo`](#common.TreeCursor.moveTo).
  */
  cursorAt(pos, side = 0, mode = 0) {
    let scope = CachedNode.get(this) || this.topNode;
    let cursor = new TreeCursor(scope);
    cursor.moveTo(pos, side);
    CachedNode.set(this, cursor._tree);
    return cursor;
  }
  /**
  Get a [syntax node](#common.SyntaxNode) object for the top of the
  tree.
  */
  get topNode() {
    return new TreeNode(this, 0, 0, null);
  }
  /**
  Get the [syntax node](#common.SyntaxNode) at the given position.
  If `side` is -1, this will move into nodes that end at the
  position. If 1, it'll move into nodes that start at the
  position. With 0, it'll only enter nodes that cover the position
  from both sides.
  
  Note that this will not enter
  [overlays](#common.MountedTree.overlay), and you often want
  [`resolveInner`](#common.Tree.resolveInner) instead.
  */
  resolve(pos, side = 0) {
    let node = resolveNode(CachedNode.get(this) || this.topNode, pos, side, false);
    CachedNode.set(this, node);
    return node;
  }
  /**
  Like [`resolve`](#common.Tree.resolve), but will enter
  [overlaid](#common.MountedTree.overlay) nodes, producing a syntax node
  pointing into the innermost overlaid tree at the given position
  (with parent links going through all parent structure, including
  the host trees).
  */
  resolveInner(pos, side = 0) {
    let node = resolveNode(CachedInnerNode.get(this) || this.topNode, pos, side, true);
    CachedInnerNode.set(this, node);
    return node;
  }
  /**
  In some situations, it can be useful to iterate through all
  nodes around a position, including those in overlays that don't
  directly cover the position. This method gives you an iterator
  that will produce all nodes, from small to big, around the given
  position.
  */
  resolveStack(pos, side = 0) {
    return stackIterator(this, pos, side);
  }
  /**
  Iterate over the tree and its children, calling `enter` for any
  node that touches the `from`/`to` region (if given) before
  running over such a node's children, and `leave` (if given) when
  leaving the node. When `enter` returns `false`, that node will
  not have its children iterated over (or `leave` called).
  */
  iterate(spec) {
    let { enter, leave, from = 0, to = this.length } = spec;
    let mode = spec.mode || 0, anon = (mode & IterMode.IncludeAnonymous) > 0;
    for (let c = this.cursor(mode | IterMode.IncludeAnonymous); ; ) {
      let entered = false;
      if (c.from <= to && c.to >= from && (!anon && c.type.isAnonymous || enter(c) !== false)) {
        if (c.firstChild())
          continue;
        entered = true;
      }
      for (; ; ) {
        if (entered && leave && (anon || !c.type.isAnonymous))
          leave(c);
        if (c.nextSibling())
          break;
        if (!c.parent())
          return;
        entered = true;
      }
    }
  }
  /**
  Get the value of the given [node prop](#common.NodeProp) for this
  node. Works with both per-node and per-type props.
  */
  prop(prop) {
    return !prop.perNode ? this.type.prop(prop) : this.props ? this.props[prop.id] : void 0;
  }
  /**
  Returns the node's [per-node props](#common.NodeProp.perNode) in a
  format that can be passed to the [`Tree`](#common.Tree)
  constructor.
  */
  get propValues() {
    let result = [];
    if (this.props)
      for (let id2 in this.props)
        result.push([+id2, this.props[id2]]);
    return result;
  }
  /**
  Balance the direct children of this tree, producing a copy of
  which may have children grouped into subtrees with type
  [`NodeType.none`](#common.NodeType^none).
  */
  balance(config2 = {}) {
    return this.children.length <= 8 ? this : balanceRange(NodeType.none, this.children, this.positions, 0, this.children.length, 0, this.length, (children, positions, length) => new _Tree(this.type, children, positions, length, this.propValues), config2.makeTree || ((children, positions, length) => new _Tree(NodeType.none, children, positions, length)));
  }
  /**
  Build a tree from a postfix-ordered buffer of node information,
  or a cursor over such a buffer.
  */
  static build(data) {
    return buildTree(data);
  }
};
Tree.empty = new Tree(NodeType.none, [], [], 0);
var FlatBufferCursor = class _FlatBufferCursor {
  constructor(buffer, index) {
    this.buffer = buffer;
    this.index = index;
  }
  get id() {
    return this.buffer[this.index - 4];
  }
  get start() {
    return this.buffer[this.index - 3];
  }
  get end() {
    return this.buffer[this.index - 2];
  }
  get size() {
    return this.buffer[this.index - 1];
  }
  get pos() {
    return this.index;
  }
  next() {
    this.index -= 4;
  }
  fork() {
    return new _FlatBufferCursor(this.buffer, this.index);
  }
};
var TreeBuffer = class _TreeBuffer {
  /**
  Create a tree buffer.
  */
  constructor(buffer, length, set) {
    this.buffer = buffer;
    this.length = length;
    this.set = set;
  }
  /**
  @internal
  */
  get type() {
    return NodeType.none;
  }
  /**
  @internal
  */
  toString() {
    let result = [];
    for (let index = 0; index < this.buffer.length; ) {
      result.push(this.childString(index));
      index = this.buffer[index + 3];
    }
    return result.join(",");
  }
  /**
  @internal
  */
  childString(index) {
    let id2 = this.buffer[index], endIndex = this.buffer[index + 3];
    let type = this.set.types[id2], result = type.name;
    if (/\W/.test(result) && !type.isError)
      result = JSON.stringify(result);
    index += 4;
    if (endIndex == index)
      return result;
    let children = [];
    while (index < endIndex) {
      children.push(this.childString(index));
      index = this.buffer[index + 3];
    }
    return result + "(" + children.join(",") + ")";
  }
  /**
  @internal
  */
  findChild(startIndex, endIndex, dir, pos, side) {
    let { buffer } = this, pick = -1;
    for (let i = startIndex; i != endIndex; i = buffer[i + 3]) {
      if (checkSide(side, pos, buffer[i + 1], buffer[i + 2])) {
        pick = i;
        if (dir > 0)
          break;
      }
    }
    return pick;
  }
  /**
  @internal
  */
  slice(startI, endI, from) {
    let b = this.buffer;
    let copy = new Uint16Array(endI - startI), len = 0;
    for (let i = startI, j = 0; i < endI; ) {
      copy[j++] = b[i++];
      copy[j++] = b[i++] - from;
      let to = copy[j++] = b[i++] - from;
      copy[j++] = b[i++] - startI;
      len = Math.max(len, to);
    }
    return new _TreeBuffer(copy, len, this.set);
  }
};
function checkSide(side, pos, from, to) {
  switch (side) {
    case -2:
      return from < pos;
    case -1:
      return to >= pos && from < pos;
    case 0:
      return from < pos && to > pos;
    case 1:
      return from <= pos && to > pos;
    case 2:
      return to > pos;
    case 4:
      return true;
  }
}
function resolveNode(node, pos, side, overlays) {
  var _a;
  while (node.from == node.to || (side < 1 ? node.from >= pos : node.from > pos) || (side > -1 ? node.to <= pos : node.to < pos)) {
    let parent = !overlays && node instanceof TreeNode && node.index < 0 ? null : node.parent;
    if (!parent)
      return node;
    node = parent;
  }
  let mode = overlays ? 0 : IterMode.IgnoreOverlays;
  if (overlays)
    for (let scan = node, parent = scan.parent; parent; scan = parent, parent = scan.parent) {
      if (scan instanceof TreeNode && scan.index < 0 && ((_a = parent.enter(pos, side, mode)) === null || _a === void 0 ? void 0 : _a.from) != scan.from)
        node = parent;
    }
  for (; ; ) {
    let inner = node.enter(pos, side, mode);
    if (!inner)
      return node;
    node = inner;
  }
}
var BaseNode = class {
  cursor(mode = 0) {
    return new TreeCursor(this, mode);
  }
  getChild(type, before = null, after = null) {
    let r = getChildren(this, type, before, after);
    return r.length ? r[0] : null;
  }
  getChildren(type, before = null, after = null) {
    return getChildren(this, type, before, after);
  }
  resolve(pos, side = 0) {
    return resolveNode(this, pos, side, false);
  }
  resolveInner(pos, side = 0) {
    return resolveNode(this, pos, side, true);
  }
  matchContext(context) {
    return matchNodeContext(this.parent, context);
  }
  enterUnfinishedNodesBefore(pos) {
    let scan = this.childBefore(pos), node = this;
    while (scan) {
      let last = scan.lastChild;
      if (!last || last.to != scan.to)
        break;
      if (last.type.isError && last.from == last.to) {
        node = scan;
        scan = last.prevSibling;
      } else {
        scan = last;
      }
    }
    return node;
  }
  get node() {
    return this;
  }
  get next() {
    return this.parent;
  }
};
var TreeNode = class _TreeNode extends BaseNode {
  constructor(_tree, from, index, _parent) {
    super();
    this._tree = _tree;
    this.from = from;
    this.index = index;
    this._parent = _parent;
  }
  get type() {
    return this._tree.type;
  }
  get name() {
    return this._tree.type.name;
  }
  get to() {
    return this.from + this._tree.length;
  }
  nextChild(i, dir, pos, side, mode = 0) {
    for (let parent = this; ; ) {
      for (let { children, positions } = parent._tree, e = dir > 0 ? children.length : -1; i != e; i += dir) {
        let next = children[i], start = positions[i] + parent.from, mounted;
        if (!(mode & IterMode.EnterBracketed && next instanceof Tree && (mounted = MountedTree.get(next)) && !mounted.overlay && mounted.bracketed && pos >= start && pos <= start + next.length) && !checkSide(side, pos, start, start + next.length))
          continue;
        if (next instanceof TreeBuffer) {
          if (mode & IterMode.ExcludeBuffers)
            continue;
          let index = next.findChild(0, next.buffer.length, dir, pos - start, side);
          if (index > -1)
            return new BufferNode(new BufferContext(parent, next, i, start), null, index);
        } else if (mode & IterMode.IncludeAnonymous || (!next.type.isAnonymous || hasChild(next))) {
          let mounted2;
          if (!(mode & IterMode.IgnoreMounts) && (mounted2 = MountedTree.get(next)) && !mounted2.overlay)
            return new _TreeNode(mounted2.tree, start, i, parent);
          let inner = new _TreeNode(next, start, i, parent);
          return mode & IterMode.IncludeAnonymous || !inner.type.isAnonymous ? inner : inner.nextChild(dir < 0 ? next.children.length - 1 : 0, dir, pos, side, mode);
        }
      }
      if (mode & IterMode.IncludeAnonymous || !parent.type.isAnonymous)
        return null;
      if (parent.index >= 0)
        i = parent.index + dir;
      else
        i = dir < 0 ? -1 : parent._parent._tree.children.length;
      parent = parent._parent;
      if (!parent)
        return null;
    }
  }
  get firstChild() {
    return this.nextChild(
      0,
      1,
      0,
      4
      /* Side.DontCare */
    );
  }
  get lastChild() {
    return this.nextChild(
      this._tree.children.length - 1,
      -1,
      0,
      4
      /* Side.DontCare */
    );
  }
  childAfter(pos) {
    return this.nextChild(
      0,
      1,
      pos,
      2
      /* Side.After */
    );
  }
  childBefore(pos) {
    return this.nextChild(
      this._tree.children.length - 1,
      -1,
      pos,
      -2
      /* Side.Before */
    );
  }
  prop(prop) {
    return this._tree.prop(prop);
  }
  enter(pos, side, mode = 0) {
    let mounted;
    if (!(mode & IterMode.IgnoreOverlays) && (mounted = MountedTree.get(this._tree)) && mounted.overlay) {
      let rPos = pos - this.from, enterBracketed = mode & IterMode.EnterBracketed && mounted.bracketed;
      for (let { from, to } of mounted.overlay) {
        if ((side > 0 || enterBracketed ? from <= rPos : from < rPos) && (side < 0 || enterBracketed ? to >= rPos : to > rPos))
          return new _TreeNode(mounted.tree, mounted.overlay[0].from + this.from, -1, this);
      }
    }
    return this.nextChild(0, 1, pos, side, mode);
  }
  nextSignificantParent() {
    let val = this;
    while (val.type.isAnonymous && val._parent)
      val = val._parent;
    return val;
  }
  get parent() {
    return this._parent ? this._parent.nextSignificantParent() : null;
  }
  get nextSibling() {
    return this._parent && this.index >= 0 ? this._parent.nextChild(
      this.index + 1,
      1,
      0,
      4
      /* Side.DontCare */
    ) : null;
  }
  get prevSibling() {
    return this._parent && this.index >= 0 ? this._parent.nextChild(
      this.index - 1,
      -1,
      0,
      4
      /* Side.DontCare */
    ) : null;
  }
  get tree() {
    return this._tree;
  }
  toTree() {
    return this._tree;
  }
  /**
  @internal
  */
  toString() {
    return this._tree.toString();
  }
};
function getChildren(node, type, before, after) {
  let cur = node.cursor(), result = [];
  if (!cur.firstChild())
    return result;
  if (before != null)
    for (let found = false; !found; ) {
      found = cur.type.is(before);
      if (!cur.nextSibling())
        return result;
    }
  for (; ; ) {
    if (after != null && cur.type.is(after))
      return result;
    if (cur.type.is(type))
      result.push(cur.node);
    if (!cur.nextSibling())
      return after == null ? result : [];
  }
}
function matchNodeContext(node, context, i = context.length - 1) {
  for (let p = node; i >= 0; p = p.parent) {
    if (!p)
      return false;
    if (!p.type.isAnonymous) {
      if (context[i] && context[i] != p.name)
        return false;
      i--;
    }
  }
  return true;
}
var BufferContext = class {
  constructor(parent, buffer, index, start) {
    this.parent = parent;
    this.buffer = buffer;
    this.index = index;
    this.start = start;
  }
};
var BufferNode = class _BufferNode extends BaseNode {
  get name() {
    return this.type.name;
  }
  get from() {
    return this.context.start + this.context.buffer.buffer[this.index + 1];
  }
  get to() {
    return this.context.start + this.context.buffer.buffer[this.index + 2];
  }
  constructor(context, _parent, index) {
    super();
    this.context = context;
    this._parent = _parent;
    this.index = index;
    this.type = context.buffer.set.types[context.buffer.buffer[index]];
  }
  child(dir, pos, side) {
    let { buffer } = this.context;
    let index = buffer.findChild(this.index + 4, buffer.buffer[this.index + 3], dir, pos - this.context.start, side);
    return index < 0 ? null : new _BufferNode(this.context, this, index);
  }
  get firstChild() {
    return this.child(
      1,
      0,
      4
      /* Side.DontCare */
    );
  }
  get lastChild() {
    return this.child(
      -1,
      0,
      4
      /* Side.DontCare */
    );
  }
  childAfter(pos) {
    return this.child(
      1,
      pos,
      2
      /* Side.After */
    );
  }
  childBefore(pos) {
    return this.child(
      -1,
      pos,
      -2
      /* Side.Before */
    );
  }
  prop(prop) {
    return this.type.prop(prop);
  }
  enter(pos, side, mode = 0) {
    if (mode & IterMode.ExcludeBuffers)
      return null;
    let { buffer } = this.context;
    let index = buffer.findChild(this.index + 4, buffer.buffer[this.index + 3], side > 0 ? 1 : -1, pos - this.context.start, side);
    return index < 0 ? null : new _BufferNode(this.context, this, index);
  }
  get parent() {
    return this._parent || this.context.parent.nextSignificantParent();
  }
  externalSibling(dir) {
    return this._parent ? null : this.context.parent.nextChild(
      this.context.index + dir,
      dir,
      0,
      4
      /* Side.DontCare */
    );
  }
  get nextSibling() {
    let { buffer } = this.context;
    let after = buffer.buffer[this.index + 3];
    if (after < (this._parent ? buffer.buffer[this._parent.index + 3] : buffer.buffer.length))
      return new _BufferNode(this.context, this._parent, after);
    return this.externalSibling(1);
  }
  get prevSibling() {
    let { buffer } = this.context;
    let parentStart = this._parent ? this._parent.index + 4 : 0;
    if (this.index == parentStart)
      return this.externalSibling(-1);
    return new _BufferNode(this.context, this._parent, buffer.findChild(
      parentStart,
      this.index,
      -1,
      0,
      4
      /* Side.DontCare */
    ));
  }
  get tree() {
    return null;
  }
  toTree() {
    let children = [], positions = [];
    let { buffer } = this.context;
    let startI = this.index + 4, endI = buffer.buffer[this.index + 3];
    if (endI > startI) {
      let from = buffer.buffer[this.index + 1];
      children.push(buffer.slice(startI, endI, from));
      positions.push(0);
    }
    return new Tree(this.type, children, positions, this.to - this.from);
  }
  /**
  @internal
  */
  toString() {
    return this.context.buffer.childString(this.index);
  }
};
function iterStack(heads) {
  if (!heads.length)
    return null;
  let pick = 0, picked = heads[0];
  for (let i = 1; i < heads.length; i++) {
    let node = heads[i];
    if (node.from > picked.from || node.to < picked.to) {
      picked = node;
      pick = i;
    }
  }
  let next = picked instanceof TreeNode && picked.index < 0 ? null : picked.parent;
  let newHeads = heads.slice();
  if (next)
    newHeads[pick] = next;
  else
    newHeads.splice(pick, 1);
  return new StackIterator(newHeads, picked);
}
var StackIterator = class {
  constructor(heads, node) {
    this.heads = heads;
    this.node = node;
  }
  get next() {
    return iterStack(this.heads);
  }
};
function stackIterator(tree, pos, side) {
  let inner = tree.resolveInner(pos, side), layers = null;
  for (let scan = inner instanceof TreeNode ? inner : inner.context.parent; scan; scan = scan.parent) {
    if (scan.index < 0) {
      let parent = scan.parent;
      (layers || (layers = [inner])).push(parent.resolve(pos, side));
      scan = parent;
    } else {
      let mount = MountedTree.get(scan.tree);
      if (mount && mount.overlay && mount.overlay[0].from <= pos && mount.overlay[mount.overlay.length - 1].to >= pos) {
        let root = new TreeNode(mount.tree, mount.overlay[0].from + scan.from, -1, scan);
        (layers || (layers = [inner])).push(resolveNode(root, pos, side, false));
      }
    }
  }
  return layers ? iterStack(layers) : inner;
}
var TreeCursor = class {
  /**
  Shorthand for `.type.name`.
  */
  get name() {
    return this.type.name;
  }
  /**
  @internal
  */
  constructor(node, mode = 0) {
    this.buffer = null;
    this.stack = [];
    this.index = 0;
    this.bufferNode = null;
    this.mode = mode & ~IterMode.EnterBracketed;
    if (node instanceof TreeNode) {
      this.yieldNode(node);
    } else {
      this._tree = node.context.parent;
      this.buffer = node.context;
      for (let n = node._parent; n; n = n._parent)
        this.stack.unshift(n.index);
      this.bufferNode = node;
      this.yieldBuf(node.index);
    }
  }
  yieldNode(node) {
    if (!node)
      return false;
    this._tree = node;
    this.type = node.type;
    this.from = node.from;
    this.to = node.to;
    return true;
  }
  yieldBuf(index, type) {
    this.index = index;
    let { start, buffer } = this.buffer;
    this.type = type || buffer.set.types[buffer.buffer[index]];
    this.from = start + buffer.buffer[index + 1];
    this.to = start + buffer.buffer[index + 2];
    return true;
  }
  /**
  @internal
  */
  yield(node) {
    if (!node)
      return false;
    if (node instanceof TreeNode) {
      this.buffer = null;
      return this.yieldNode(node);
    }
    this.buffer = node.context;
    return this.yieldBuf(node.index, node.type);
  }
  /**
  @internal
  */
  toString() {
    return this.buffer ? this.buffer.buffer.childString(this.index) : this._tree.toString();
  }
  /**
  @internal
  */
  enterChild(dir, pos, side) {
    if (!this.buffer)
      return this.yield(this._tree.nextChild(dir < 0 ? this._tree._tree.children.length - 1 : 0, dir, pos, side, this.mode));
    let { buffer } = this.buffer;
    let index = buffer.findChild(this.index + 4, buffer.buffer[this.index + 3], dir, pos - this.buffer.start, side);
    if (index < 0)
      return false;
    this.stack.push(this.index);
    return this.yieldBuf(index);
  }
  /**
  Move the cursor to this node's first child. When this returns
  false, the node has no child, and the cursor has not been moved.
  */
  firstChild() {
    return this.enterChild(
      1,
      0,
      4
      /* Side.DontCare */
    );
  }
  /**
  Move the cursor to this node's last child.
  */
  lastChild() {
    return this.enterChild(
      -1,
      0,
      4
      /* Side.DontCare */
    );
  }
  /**
  Move the cursor to the first child that ends after `pos`.
  */
  childAfter(pos) {
    return this.enterChild(
      1,
      pos,
      2
      /* Side.After */
    );
  }
  /**
  Move to the last child that starts before `pos`.
  */
  childBefore(pos) {
    return this.enterChild(
      -1,
      pos,
      -2
      /* Side.Before */
    );
  }
  /**
  Move the cursor to the child around `pos`. If side is -1 the
  child may end at that position, when 1 it may start there. This
  will also enter [overlaid](#common.MountedTree.overlay)
  [mounted](#common.NodeProp^mounted) trees unless `overlays` is
  set to false.
  */
  enter(pos, side, mode = this.mode) {
    if (!this.buffer)
      return this.yield(this._tree.enter(pos, side, mode));
    return mode & IterMode.ExcludeBuffers ? false : this.enterChild(1, pos, side);
  }
  /**
  Move to the node's parent node, if this isn't the top node.
  */
  parent() {
    if (!this.buffer)
      return this.yieldNode(this.mode & IterMode.IncludeAnonymous ? this._tree._parent : this._tree.parent);
    if (this.stack.length)
      return this.yieldBuf(this.stack.pop());
    let parent = this.mode & IterMode.IncludeAnonymous ? this.buffer.parent : this.buffer.parent.nextSignificantParent();
    this.buffer = null;
    return this.yieldNode(parent);
  }
  /**
  @internal
  */
  sibling(dir) {
    if (!this.buffer)
      return !this._tree._parent ? false : this.yield(this._tree.index < 0 ? null : this._tree._parent.nextChild(this._tree.index + dir, dir, 0, 4, this.mode));
    let { buffer } = this.buffer, d = this.stack.length - 1;
    if (dir < 0) {
      let parentStart = d < 0 ? 0 : this.stack[d] + 4;
      if (this.index != parentStart)
        return this.yieldBuf(buffer.findChild(
          parentStart,
          this.index,
          -1,
          0,
          4
          /* Side.DontCare */
        ));
    } else {
      let after = buffer.buffer[this.index + 3];
      if (after < (d < 0 ? buffer.buffer.length : buffer.buffer[this.stack[d] + 3]))
        return this.yieldBuf(after);
    }
    return d < 0 ? this.yield(this.buffer.parent.nextChild(this.buffer.index + dir, dir, 0, 4, this.mode)) : false;
  }
  /**
  Move to this node's next sibling, if any.
  */
  nextSibling() {
    return this.sibling(1);
  }
  /**
  Move to this node's previous sibling, if any.
  */
  prevSibling() {
    return this.sibling(-1);
  }
  atLastNode(dir) {
    let index, parent, { buffer } = this;
    if (buffer) {
      if (dir > 0) {
        if (this.index < buffer.buffer.buffer.length)
          return false;
      } else {
        for (let i = 0; i < this.index; i++)
          if (buffer.buffer.buffer[i + 3] < this.index)
            return false;
      }
      ({ index, parent } = buffer);
    } else {
      ({ index, _parent: parent } = this._tree);
    }
    for (; parent; { index, _parent: parent } = parent) {
      if (index > -1)
        for (let i = index + dir, e = dir < 0 ? -1 : parent._tree.children.length; i != e; i += dir) {
          let child = parent._tree.children[i];
          if (this.mode & IterMode.IncludeAnonymous || child instanceof TreeBuffer || !child.type.isAnonymous || hasChild(child))
            return false;
        }
    }
    return true;
  }
  move(dir, enter) {
    if (enter && this.enterChild(
      dir,
      0,
      4
      /* Side.DontCare */
    ))
      return true;
    for (; ; ) {
      if (this.sibling(dir))
        return true;
      if (this.atLastNode(dir) || !this.parent())
        return false;
    }
  }
  /**
  Move to the next node in a
  [pre-order](https://en.wikipedia.org/wiki/Tree_traversal#Pre-order,_NLR)
  traversal, going from a node to its first child or, if the
  current node is empty or `enter` is false, its next sibling or
  the next sibling of the first parent node that has one.
  */
  next(enter = true) {
    return this.move(1, enter);
  }
  /**
  Move to the next node in a last-to-first pre-order traversal. A
  node is followed by its last child or, if it has none, its
  previous sibling or the previous sibling of the first parent
  node that has one.
  */
  prev(enter = true) {
    return this.move(-1, enter);
  }
  /**
  Move the cursor to the innermost node that covers `pos`. If
  `side` is -1, it will enter nodes that end at `pos`. If it is 1,
  it will enter nodes that start at `pos`.
  */
  moveTo(pos, side = 0) {
    while (this.from == this.to || (side < 1 ? this.from >= pos : this.from > pos) || (side > -1 ? this.to <= pos : this.to < pos))
      if (!this.parent())
        break;
    while (this.enterChild(1, pos, side)) {
    }
    return this;
  }
  /**
  Get a [syntax node](#common.SyntaxNode) at the cursor's current
  position.
  */
  get node() {
    if (!this.buffer)
      return this._tree;
    let cache = this.bufferNode, result = null, depth = 0;
    if (cache && cache.context == this.buffer) {
      scan: for (let index = this.index, d = this.stack.length; d >= 0; ) {
        for (let c = cache; c; c = c._parent)
          if (c.index == index) {
            if (index == this.index)
              return c;
            result = c;
            depth = d + 1;
            break scan;
          }
        index = this.stack[--d];
      }
    }
    for (let i = depth; i < this.stack.length; i++)
      result = new BufferNode(this.buffer, result, this.stack[i]);
    return this.bufferNode = new BufferNode(this.buffer, result, this.index);
  }
  /**
  Get the [tree](#common.Tree) that represents the current node, if
  any. Will return null when the node is in a [tree
  buffer](#common.TreeBuffer).
  */
  get tree() {
    return this.buffer ? null : this._tree._tree;
  }
  /**
  Iterate over the current node and all its descendants, calling
  `enter` when entering a node and `leave`, if given, when leaving
  one. When `enter` returns `false`, any children of that node are
  skipped, and `leave` isn't called for it.
  */
  iterate(enter, leave) {
    for (let depth = 0; ; ) {
      let mustLeave = false;
      if (this.type.isAnonymous || enter(this) !== false) {
        if (this.firstChild()) {
          depth++;
          continue;
        }
        if (!this.type.isAnonymous)
          mustLeave = true;
      }
      for (; ; ) {
        if (mustLeave && leave)
          leave(this);
        mustLeave = this.type.isAnonymous;
        if (!depth)
          return;
        if (this.nextSibling())
          break;
        this.parent();
        depth--;
        mustLeave = true;
      }
    }
  }
  /**
  Test whether the current node matches a given context—a sequence
  of direct parent node names. Empty strings in the context array
  are treated as wildcards.
  */
  matchContext(context) {
    if (!this.buffer)
      return matchNodeContext(this.node.parent, context);
    let { buffer } = this.buffer, { types } = buffer.set;
    for (let i = context.length - 1, d = this.stack.length - 1; i >= 0; d--) {
      if (d < 0)
        return matchNodeContext(this._tree, context, i);
      let type = types[buffer.buffer[this.stack[d]]];
      if (!type.isAnonymous) {
        if (context[i] && context[i] != type.name)
          return false;
        i--;
      }
    }
    return true;
  }
};
function hasChild(tree) {
  return tree.children.some((ch) => ch instanceof TreeBuffer || !ch.type.isAnonymous || hasChild(ch));
}
function buildTree(data) {
  var _a;
  let { buffer, nodeSet, maxBufferLength = DefaultBufferLength, reused = [], minRepeatType = nodeSet.types.length } = data;
  let cursor = Array.isArray(buffer) ? new FlatBufferCursor(buffer, buffer.length) : buffer;
  let types = nodeSet.types;
  let contextHash = 0, lookAhead = 0;
  function takeNode(parentStart, minPos, children2, positions2, inRepeat, depth) {
    let { id: id2, start, end, size } = cursor;
    let lookAheadAtStart = lookAhead, contextAtStart = contextHash;
    if (size < 0) {
      cursor.next();
      if (size == -1) {
        let node2 = reused[id2];
        children2.push(node2);
        positions2.push(start - parentStart);
        return;
      } else if (size == -3) {
        contextHash = id2;
        return;
      } else if (size == -4) {
        lookAhead = id2;
        return;
      } else {
        throw new RangeError(`Unrecognized record size: ${size}`);
      }
    }
    let type = types[id2], node, buffer2;
    let startPos = start - parentStart;
    if (end - start <= maxBufferLength && (buffer2 = findBufferSize(cursor.pos - minPos, inRepeat))) {
      let data2 = new Uint16Array(buffer2.size - buffer2.skip);
      let endPos = cursor.pos - buffer2.size, index = data2.length;
      while (cursor.pos > endPos)
        index = copyToBuffer(buffer2.start, data2, index);
      node = new TreeBuffer(data2, end - buffer2.start, nodeSet);
      startPos = buffer2.start - parentStart;
    } else {
      let endPos = cursor.pos - size;
      cursor.next();
      let localChildren = [], localPositions = [];
      let localInRepeat = id2 >= minRepeatType ? id2 : -1;
      let lastGroup = 0, lastEnd = end, groupLookAhead = lookAheadAtStart;
      while (cursor.pos > endPos) {
        if (localInRepeat >= 0 && cursor.id == localInRepeat && cursor.size >= 0) {
          if (cursor.end <= lastEnd - maxBufferLength) {
            makeRepeatLeaf(localChildren, localPositions, start, lastGroup, cursor.end, lastEnd, localInRepeat, groupLookAhead, contextAtStart);
            lastGroup = localChildren.length;
            lastEnd = cursor.end;
            groupLookAhead = lookAhead;
          }
          cursor.next();
        } else if (depth > 2500) {
          takeFlatNode(start, endPos, localChildren, localPositions);
        } else {
          if (localInRepeat >= 0 && cursor.size == -1 && reused[cursor.id].type == nodeSet.types[localInRepeat]) {
            if (lastGroup < localChildren.length)
              makeRepeatLeaf(localChildren, localPositions, start, lastGroup, cursor.end, lastEnd, localInRepeat, groupLookAhead, contextAtStart);
            lastGroup = localChildren.length + 1;
            lastEnd = cursor.start;
            groupLookAhead = lookAhead;
          }
          takeNode(start, endPos, localChildren, localPositions, localInRepeat, depth + 1);
        }
      }
      if (localInRepeat >= 0 && lastGroup > 0 && lastGroup < localChildren.length)
        makeRepeatLeaf(localChildren, localPositions, start, lastGroup, start, lastEnd, localInRepeat, groupLookAhead, contextAtStart);
      localChildren.reverse();
      localPositions.reverse();
      if (localInRepeat > -1 && lastGroup > 0) {
        let make = makeBalanced(type, contextAtStart);
        node = balanceRange(type, localChildren, localPositions, 0, localChildren.length, 0, end - start, make, make);
      } else {
        node = makeTree(type, localChildren, localPositions, end - start, lookAheadAtStart - end, contextAtStart);
      }
    }
    children2.push(node);
    positions2.push(startPos);
  }
  function takeFlatNode(parentStart, minPos, children2, positions2) {
    let nodes = [];
    let nodeCount = 0, stopAt = -1;
    while (cursor.pos > minPos) {
      let { id: id2, start, end, size } = cursor;
      if (size > 4) {
        cursor.next();
      } else if (stopAt > -1 && start < stopAt) {
        break;
      } else {
        if (stopAt < 0)
          stopAt = end - maxBufferLength;
        nodes.push(id2, start, end);
        nodeCount++;
        cursor.next();
      }
    }
    if (nodeCount) {
      let buffer2 = new Uint16Array(nodeCount * 4);
      let start = nodes[nodes.length - 2];
      for (let i = nodes.length - 3, j = 0; i >= 0; i -= 3) {
        buffer2[j++] = nodes[i];
        buffer2[j++] = nodes[i + 1] - start;
        buffer2[j++] = nodes[i + 2] - start;
        buffer2[j++] = j;
      }
      children2.push(new TreeBuffer(buffer2, nodes[2] - start, nodeSet));
      positions2.push(start - parentStart);
    }
  }
  function makeBalanced(type, contextHash2) {
    return (children2, positions2, length2) => {
      let lookAhead2 = 0, lastI = children2.length - 1, last, lookAheadProp;
      if (lastI >= 0 && (last = children2[lastI]) instanceof Tree) {
        if (!lastI && last.type == type && last.length == length2)
          return last;
        if (lookAheadProp = last.prop(NodeProp.lookAhead))
          lookAhead2 = positions2[lastI] + last.length + lookAheadProp - length2;
      }
      return makeTree(type, children2, positions2, length2, lookAhead2, contextHash2);
    };
  }
  function makeRepeatLeaf(children2, positions2, base, i, from, to, type, lookAhead2, contextHash2) {
    let localChildren = [], localPositions = [];
    while (children2.length > i) {
      localChildren.push(children2.pop());
      localPositions.push(positions2.pop() + base - from);
    }
    children2.push(makeTree(nodeSet.types[type], localChildren, localPositions, to - from, lookAhead2 - to, contextHash2));
    positions2.push(from - base);
  }
  function makeTree(type, children2, positions2, length2, lookAhead2, contextHash2, props) {
    if (contextHash2) {
      let pair2 = [NodeProp.contextHash, contextHash2];
      props = props ? [pair2].concat(props) : [pair2];
    }
    if (lookAhead2 > 25) {
      let pair2 = [NodeProp.lookAhead, lookAhead2];
      props = props ? [pair2].concat(props) : [pair2];
    }
    return new Tree(type, children2, positions2, length2, props);
  }
  function findBufferSize(maxSize, inRepeat) {
    let fork = cursor.fork();
    let size = 0, start = 0, skip = 0, minStart = fork.end - maxBufferLength;
    let result = { size: 0, start: 0, skip: 0 };
    scan: for (let minPos = fork.pos - maxSize; fork.pos > minPos; ) {
      let nodeSize2 = fork.size;
      if (fork.id == inRepeat && nodeSize2 >= 0) {
        result.size = size;
        result.start = start;
        result.skip = skip;
        skip += 4;
        size += 4;
        fork.next();
        continue;
      }
      let startPos = fork.pos - nodeSize2;
      if (nodeSize2 < 0 || startPos < minPos || fork.start < minStart)
        break;
      let localSkipped = fork.id >= minRepeatType ? 4 : 0;
      let nodeStart = fork.start;
      fork.next();
      while (fork.pos > startPos) {
        if (fork.size < 0) {
          if (fork.size == -3 || fork.size == -4)
            localSkipped += 4;
          else
            break scan;
        } else if (fork.id >= minRepeatType) {
          localSkipped += 4;
        }
        fork.next();
      }
      start = nodeStart;
      size += nodeSize2;
      skip += localSkipped;
    }
    if (inRepeat < 0 || size == maxSize) {
      result.size = size;
      result.start = start;
      result.skip = skip;
    }
    return result.size > 4 ? result : void 0;
  }
  function copyToBuffer(bufferStart, buffer2, index) {
    let { id: id2, start, end, size } = cursor;
    cursor.next();
    if (size >= 0 && id2 < minRepeatType) {
      let startIndex = index;
      if (size > 4) {
        let endPos = cursor.pos - (size - 4);
        while (cursor.pos > endPos)
          index = copyToBuffer(bufferStart, buffer2, index);
      }
      buffer2[--index] = startIndex;
      buffer2[--index] = end - bufferStart;
      buffer2[--index] = start - bufferStart;
      buffer2[--index] = id2;
    } else if (size == -3) {
      contextHash = id2;
    } else if (size == -4) {
      lookAhead = id2;
    }
    return index;
  }
  let children = [], positions = [];
  while (cursor.pos > 0)
    takeNode(data.start || 0, data.bufferStart || 0, children, positions, -1, 0);
  let length = (_a = data.length) !== null && _a !== void 0 ? _a : children.length ? positions[0] + children[0].length : 0;
  return new Tree(types[data.topID], children.reverse(), positions.reverse(), length);
}
var nodeSizeCache = /* @__PURE__ */ new WeakMap();
function nodeSize(balanceType, node) {
  if (!balanceType.isAnonymous || node instanceof TreeBuffer || node.type != balanceType)
    return 1;
  let size = nodeSizeCache.get(node);
  if (size == null) {
    size = 1;
    for (let child of node.children) {
      if (child.type != balanceType || !(child instanceof Tree)) {
        size = 1;
        break;
      }
      size += nodeSize(balanceType, child);
    }
    nodeSizeCache.set(node, size);
  }
  return size;
}
function balanceRange(balanceType, children, positions, from, to, start, length, mkTop, mkTree) {
  let total = 0;
  for (let i = from; i < to; i++)
    total += nodeSize(balanceType, children[i]);
  let maxChild = Math.ceil(
    total * 1.5 / 8
    /* Balance.BranchFactor */
  );
  let localChildren = [], localPositions = [];
  function divide(children2, positions2, from2, to2, offset) {
    for (let i = from2; i < to2; ) {
      let groupFrom = i, groupStart = positions2[i], groupSize = nodeSize(balanceType, children2[i]);
      i++;
      for (; i < to2; i++) {
        let nextSize = nodeSize(balanceType, children2[i]);
        if (groupSize + nextSize >= maxChild)
          break;
        groupSize += nextSize;
      }
      if (i == groupFrom + 1) {
        if (groupSize > maxChild) {
          let only = children2[groupFrom];
          divide(only.children, only.positions, 0, only.children.length, positions2[groupFrom] + offset);
          continue;
        }
        localChildren.push(children2[groupFrom]);
      } else {
        let length2 = positions2[i - 1] + children2[i - 1].length - groupStart;
        localChildren.push(balanceRange(balanceType, children2, positions2, groupFrom, i, groupStart, length2, null, mkTree));
      }
      localPositions.push(groupStart + offset - start);
    }
  }
  divide(children, positions, from, to, 0);
  return (mkTop || mkTree)(localChildren, localPositions, length);
}
var Parser = class {
  /**
  Start a parse, returning a [partial parse](#common.PartialParse)
  object. [`fragments`](#common.TreeFragment) can be passed in to
  make the parse incremental.
  
  By default, the entire input is parsed. You can pass `ranges`,
  which should be a sorted array of non-empty, non-overlapping
  ranges, to parse only those ranges. The tree returned in that
  case will start at `ranges[0].from`.
  */
  startParse(input, fragments, ranges) {
    if (typeof input == "string")
      input = new StringInput(input);
    ranges = !ranges ? [new Range(0, input.length)] : ranges.length ? ranges.map((r) => new Range(r.from, r.to)) : [new Range(0, 0)];
    return this.createParse(input, fragments || [], ranges);
  }
  /**
  Run a full parse, returning the resulting tree.
  */
  parse(input, fragments, ranges) {
    let parse = this.startParse(input, fragments, ranges);
    for (; ; ) {
      let done = parse.advance();
      if (done)
        return done;
    }
  }
};
var StringInput = class {
  constructor(string2) {
    this.string = string2;
  }
  get length() {
    return this.string.length;
  }
  chunk(from) {
    return this.string.slice(from);
  }
  get lineChunks() {
    return false;
  }
  read(from, to) {
    return this.string.slice(from, to);
  }
};
var stoppedInner = new NodeProp({ perNode: true });

// node_modules/@lezer/lr/dist/index.js
var Stack = class _Stack {
  /**
  @internal
  */
  constructor(p, stack, state, reducePos, pos, score, buffer, bufferBase, curContext, lookAhead = 0, parent) {
    this.p = p;
    this.stack = stack;
    this.state = state;
    this.reducePos = reducePos;
    this.pos = pos;
    this.score = score;
    this.buffer = buffer;
    this.bufferBase = bufferBase;
    this.curContext = curContext;
    this.lookAhead = lookAhead;
    this.parent = parent;
  }
  /**
  @internal
  */
  toString() {
    return `[${this.stack.filter((_, i) => i % 3 == 0).concat(this.state)}]@${this.pos}${this.score ? "!" + this.score : ""}`;
  }
  // Start an empty stack
  /**
  @internal
  */
  static start(p, state, pos = 0) {
    let cx = p.parser.context;
    return new _Stack(p, [], state, pos, pos, 0, [], 0, cx ? new StackContext(cx, cx.start) : null, 0, null);
  }
  /**
  The stack's current [context](#lr.ContextTracker) value, if
  any. Its type will depend on the context tracker's type
  parameter, or it will be `null` if there is no context
  tracker.
  */
  get context() {
    return this.curContext ? this.curContext.context : null;
  }
  // Push a state onto the stack, tracking its start position as well
  // as the buffer base at that point.
  /**
  @internal
  */
  pushState(state, start) {
    this.stack.push(this.state, start, this.bufferBase + this.buffer.length);
    this.state = state;
  }
  // Apply a reduce action
  /**
  @internal
  */
  reduce(action) {
    var _a;
    let depth = action >> 19, type = action & 65535;
    let { parser: parser3 } = this.p;
    let lookaheadRecord = this.reducePos < this.pos - 25 && this.setLookAhead(this.pos);
    let dPrec = parser3.dynamicPrecedence(type);
    if (dPrec)
      this.score += dPrec;
    if (depth == 0) {
      if (type < parser3.minRepeatTerm && this.reducePos < this.pos)
        this.reducePos = this.pos;
      this.pushState(parser3.getGoto(this.state, type, true), this.reducePos);
      if (type < parser3.minRepeatTerm)
        this.storeNode(type, this.reducePos, this.reducePos, lookaheadRecord ? 8 : 4, true);
      this.reduceContext(type, this.reducePos);
      return;
    }
    let base = this.stack.length - (depth - 1) * 3 - (action & 262144 ? 6 : 0);
    let start = base ? this.stack[base - 2] : this.p.ranges[0].from;
    if (type < parser3.minRepeatTerm && start == this.reducePos && this.reducePos < this.pos)
      this.reducePos = this.pos;
    let size = this.reducePos - start;
    if (size >= 2e3 && !((_a = this.p.parser.nodeSet.types[type]) === null || _a === void 0 ? void 0 : _a.isAnonymous)) {
      if (start == this.p.lastBigReductionStart) {
        this.p.bigReductionCount++;
        this.p.lastBigReductionSize = size;
      } else if (this.p.lastBigReductionSize < size) {
        this.p.bigReductionCount = 1;
        this.p.lastBigReductionStart = start;
        this.p.lastBigReductionSize = size;
      }
    }
    let bufferBase = base ? this.stack[base - 1] : 0, count = this.bufferBase + this.buffer.length - bufferBase;
    if (type < parser3.minRepeatTerm || action & 131072) {
      let pos = parser3.stateFlag(
        this.state,
        1
        /* StateFlag.Skipped */
      ) ? this.pos : this.reducePos;
      this.storeNode(type, start, pos, count + 4, true);
    }
    if (action & 262144) {
      this.state = this.stack[base];
    } else {
      let baseStateID = this.stack[base - 3];
      this.state = parser3.getGoto(baseStateID, type, true);
    }
    while (this.stack.length > base)
      this.stack.pop();
    this.reduceContext(type, start);
  }
  // Shift a value into the buffer
  /**
  @internal
  */
  storeNode(term, start, end, size = 4, mustSink = false) {
    if (term == 0 && (!this.stack.length || this.stack[this.stack.length - 1] < this.buffer.length + this.bufferBase)) {
      let top = this.buffer.length;
      if (top > 0 && this.buffer[top - 4] == 0 && this.buffer[top - 1] > -1) {
        if (start == end)
          return;
        if (this.buffer[top - 2] >= start) {
          this.buffer[top - 2] = end;
          return;
        }
      }
    }
    if (!mustSink || this.pos == end) {
      this.buffer.push(term, start, end, size);
    } else {
      let index = this.buffer.length;
      if (index > 0 && (this.buffer[index - 4] != 0 || this.buffer[index - 1] < 0)) {
        let mustMove = false;
        for (let scan = index; scan > 0 && this.buffer[scan - 2] > end; scan -= 4) {
          if (this.buffer[scan - 1] >= 0) {
            mustMove = true;
            break;
          }
        }
        if (mustMove)
          while (index > 0 && this.buffer[index - 2] > end) {
            this.buffer[index] = this.buffer[index - 4];
            this.buffer[index + 1] = this.buffer[index - 3];
            this.buffer[index + 2] = this.buffer[index - 2];
            this.buffer[index + 3] = this.buffer[index - 1];
            index -= 4;
            if (size > 4)
              size -= 4;
          }
      }
      this.buffer[index] = term;
      this.buffer[index + 1] = start;
      this.buffer[index + 2] = end;
      this.buffer[index + 3] = size;
    }
  }
  // Apply a shift action
  /**
  @internal
  */
  shift(action, type, start, end) {
    if (action & 131072) {
      this.pushState(action & 65535, this.pos);
    } else if ((action & 262144) == 0) {
      let nextState = action, { parser: parser3 } = this.p;
      this.pos = end;
      let skipped = parser3.stateFlag(
        nextState,
        1
        /* StateFlag.Skipped */
      );
      if (!skipped && (end > start || type <= parser3.maxNode))
        this.reducePos = end;
      this.pushState(nextState, skipped ? start : Math.min(start, this.reducePos));
      this.shiftContext(type, start);
      if (type <= parser3.maxNode)
        this.buffer.push(type, start, end, 4);
    } else {
      this.pos = end;
      this.shiftContext(type, start);
      if (type <= this.p.parser.maxNode)
        this.buffer.push(type, start, end, 4);
    }
  }
  // Apply an action
  /**
  @internal
  */
  apply(action, next, nextStart, nextEnd) {
    if (action & 65536)
      this.reduce(action);
    else
      this.shift(action, next, nextStart, nextEnd);
  }
  // Add a prebuilt (reused) node into the buffer.
  /**
  @internal
  */
  useNode(value, next, start) {
    let index = this.p.reused.length - 1;
    if (index < 0 || this.p.reused[index] != value) {
      this.p.reused.push(value);
      index++;
    }
    let end = this.reducePos = this.pos = start + value.length;
    this.pushState(next, start);
    this.buffer.push(
      index,
      start,
      end,
      -1
      /* size == -1 means this is a reused value */
    );
    if (this.curContext)
      this.updateContext(this.curContext.tracker.reuse(this.curContext.context, value, this, this.p.stream.reset(this.pos - value.length)));
  }
  // Split the stack. Due to the buffer sharing and the fact
  // that `this.stack` tends to stay quite shallow, this isn't very
  // expensive.
  /**
  @internal
  */
  split() {
    let parent = this;
    let off = parent.buffer.length;
    if (off && parent.buffer[off - 4] == 0)
      off -= 4;
    while (off > 0 && parent.buffer[off - 2] > parent.reducePos)
      off -= 4;
    let buffer = parent.buffer.slice(off), base = parent.bufferBase + off;
    while (parent && base == parent.bufferBase)
      parent = parent.parent;
    return new _Stack(this.p, this.stack.slice(), this.state, this.reducePos, this.pos, this.score, buffer, base, this.curContext, this.lookAhead, parent);
  }
  // Try to recover from an error by 'deleting' (ignoring) one token.
  /**
  @internal
  */
  recoverByDelete(next, nextEnd) {
    let isNode = next <= this.p.parser.maxNode;
    if (isNode)
      this.storeNode(next, this.pos, nextEnd, 4);
    this.storeNode(0, this.pos, nextEnd, isNode ? 8 : 4);
    this.pos = this.reducePos = nextEnd;
    this.score -= 190;
  }
  /**
  Check if the given term would be able to be shifted (optionally
  after some reductions) on this stack. This can be useful for
  external tokenizers that want to make sure they only provide a
  given token when it applies.
  */
  canShift(term) {
    for (let sim = new SimulatedStack(this); ; ) {
      let action = this.p.parser.stateSlot(
        sim.state,
        4
        /* ParseState.DefaultReduce */
      ) || this.p.parser.hasAction(sim.state, term);
      if (action == 0)
        return false;
      if ((action & 65536) == 0)
        return true;
      sim.reduce(action);
    }
  }
  // Apply up to Recover.MaxNext recovery actions that conceptually
  // inserts some missing token or rule.
  /**
  @internal
  */
  recoverByInsert(next) {
    if (this.stack.length >= 300)
      return [];
    let nextStates = this.p.parser.nextStates(this.state);
    if (nextStates.length > 4 << 1 || this.stack.length >= 120) {
      let best = [];
      for (let i = 0, s; i < nextStates.length; i += 2) {
        if ((s = nextStates[i + 1]) != this.state && this.p.parser.hasAction(s, next))
          best.push(nextStates[i], s);
      }
      if (this.stack.length < 120)
        for (let i = 0; best.length < 4 << 1 && i < nextStates.length; i += 2) {
          let s = nextStates[i + 1];
          if (!best.some((v, i2) => i2 & 1 && v == s))
            best.push(nextStates[i], s);
        }
      nextStates = best;
    }
    let result = [];
    for (let i = 0; i < nextStates.length && result.length < 4; i += 2) {
      let s = nextStates[i + 1];
      if (s == this.state)
        continue;
      let stack = this.split();
      stack.pushState(s, this.pos);
      stack.storeNode(0, stack.pos, stack.pos, 4, true);
      stack.shiftContext(nextStates[i], this.pos);
      stack.reducePos = this.pos;
      stack.score -= 200;
      result.push(stack);
    }
    return result;
  }
  // Force a reduce, if possible. Return false if that can't
  // be done.
  /**
  @internal
  */
  forceReduce() {
    let { parser: parser3 } = this.p;
    let reduce = parser3.stateSlot(
      this.state,
      5
      /* ParseState.ForcedReduce */
    );
    if ((reduce & 65536) == 0)
      return false;
    if (!parser3.validAction(this.state, reduce)) {
      let depth = reduce >> 19, term = reduce & 65535;
      let target = this.stack.length - depth * 3;
      if (target < 0 || parser3.getGoto(this.stack[target], term, false) < 0) {
        let backup = this.findForcedReduction();
        if (backup == null)
          return false;
        reduce = backup;
      }
      this.storeNode(0, this.pos, this.pos, 4, true);
      this.score -= 100;
    }
    this.reducePos = this.pos;
    this.reduce(reduce);
    return true;
  }
  /**
  Try to scan through the automaton to find some kind of reduction
  that can be applied. Used when the regular ForcedReduce field
  isn't a valid action. @internal
  */
  findForcedReduction() {
    let { parser: parser3 } = this.p, seen = [];
    let explore = (state, depth) => {
      if (seen.includes(state))
        return;
      seen.push(state);
      return parser3.allActions(state, (action) => {
        if (action & (262144 | 131072)) ;
        else if (action & 65536) {
          let rDepth = (action >> 19) - depth;
          if (rDepth > 1) {
            let term = action & 65535, target = this.stack.length - rDepth * 3;
            if (target >= 0 && parser3.getGoto(this.stack[target], term, false) >= 0)
              return rDepth << 19 | 65536 | term;
          }
        } else {
          let found = explore(action, depth + 1);
          if (found != null)
            return found;
        }
      });
    };
    return explore(this.state, 0);
  }
  /**
  @internal
  */
  forceAll() {
    while (!this.p.parser.stateFlag(
      this.state,
      2
      /* StateFlag.Accepting */
    )) {
      if (!this.forceReduce()) {
        this.storeNode(0, this.pos, this.pos, 4, true);
        break;
      }
    }
    return this;
  }
  /**
  Check whether this state has no further actions (assumed to be a direct descendant of the
  top state, since any other states must be able to continue
  somehow). @internal
  */
  get deadEnd() {
    if (this.stack.length != 3)
      return false;
    let { parser: parser3 } = this.p;
    return parser3.data[parser3.stateSlot(
      this.state,
      1
      /* ParseState.Actions */
    )] == 65535 && !parser3.stateSlot(
      this.state,
      4
      /* ParseState.DefaultReduce */
    );
  }
  /**
  Restart the stack (put it back in its start state). Only safe
  when this.stack.length == 3 (state is directly below the top
  state). @internal
  */
  restart() {
    this.storeNode(0, this.pos, this.pos, 4, true);
    this.state = this.stack[0];
    this.stack.length = 0;
  }
  /**
  @internal
  */
  sameState(other) {
    if (this.state != other.state || this.stack.length != other.stack.length)
      return false;
    for (let i = 0; i < this.stack.length; i += 3)
      if (this.stack[i] != other.stack[i])
        return false;
    return true;
  }
  /**
  Get the parser used by this stack.
  */
  get parser() {
    return this.p.parser;
  }
  /**
  Test whether a given dialect (by numeric ID, as exported from
  the terms file) is enabled.
  */
  dialectEnabled(dialectID) {
    return this.p.parser.dialect.flags[dialectID];
  }
  shiftContext(term, start) {
    if (this.curContext)
      this.updateContext(this.curContext.tracker.shift(this.curContext.context, term, this, this.p.stream.reset(start)));
  }
  reduceContext(term, start) {
    if (this.curContext)
      this.updateContext(this.curContext.tracker.reduce(this.curContext.context, term, this, this.p.stream.reset(start)));
  }
  /**
  @internal
  */
  emitContext() {
    let last = this.buffer.length - 1;
    if (last < 0 || this.buffer[last] != -3)
      this.storeNode(this.curContext.hash, this.reducePos, this.reducePos, -3, true);
  }
  /**
  @internal
  */
  emitLookAhead() {
    let last = this.buffer.length - 1;
    if (last < 0 || this.buffer[last] != -4)
      this.buffer.push(this.lookAhead, this.pos, this.pos, -4);
  }
  updateContext(context) {
    if (context != this.curContext.context) {
      let newCx = new StackContext(this.curContext.tracker, context);
      if (newCx.hash != this.curContext.hash)
        this.emitContext();
      this.curContext = newCx;
    }
  }
  /**
  @internal
  */
  setLookAhead(lookAhead) {
    if (lookAhead <= this.lookAhead)
      return false;
    this.emitLookAhead();
    this.lookAhead = lookAhead;
    return true;
  }
  /**
  @internal
  */
  close() {
    if (this.curContext && this.curContext.tracker.strict)
      this.emitContext();
    if (this.lookAhead > 0)
      this.emitLookAhead();
  }
};
var StackContext = class {
  constructor(tracker, context) {
    this.tracker = tracker;
    this.context = context;
    this.hash = tracker.strict ? tracker.hash(context) : 0;
  }
};
var SimulatedStack = class {
  constructor(start) {
    this.start = start;
    this.state = start.state;
    this.stack = start.stack;
    this.base = this.stack.length;
  }
  reduce(action) {
    let term = action & 65535, depth = action >> 19;
    if (depth == 0) {
      if (this.stack == this.start.stack)
        this.stack = this.stack.slice();
      this.stack.push(this.state, 0, 0);
      this.base += 3;
    } else {
      this.base -= (depth - 1) * 3;
    }
    let goto = this.start.p.parser.getGoto(this.stack[this.base - 3], term, true);
    this.state = goto;
  }
};
var StackBufferCursor = class _StackBufferCursor {
  constructor(stack, pos, index) {
    this.stack = stack;
    this.pos = pos;
    this.index = index;
    this.buffer = stack.buffer;
    if (this.index == 0)
      this.maybeNext();
  }
  static create(stack, pos = stack.bufferBase + stack.buffer.length) {
    return new _StackBufferCursor(stack, pos, pos - stack.bufferBase);
  }
  maybeNext() {
    let next = this.stack.parent;
    if (next != null) {
      this.index = this.stack.bufferBase - next.bufferBase;
      this.stack = next;
      this.buffer = next.buffer;
    }
  }
  get id() {
    return this.buffer[this.index - 4];
  }
  get start() {
    return this.buffer[this.index - 3];
  }
  get end() {
    return this.buffer[this.index - 2];
  }
  get size() {
    return this.buffer[this.index - 1];
  }
  next() {
    this.index -= 4;
    this.pos -= 4;
    if (this.index == 0)
      this.maybeNext();
  }
  fork() {
    return new _StackBufferCursor(this.stack, this.pos, this.index);
  }
};
function decodeArray(input, Type = Uint16Array) {
  if (typeof input != "string")
    return input;
  let array = null;
  for (let pos = 0, out = 0; pos < input.length; ) {
    let value = 0;
    for (; ; ) {
      let next = input.charCodeAt(pos++), stop = false;
      if (next == 126) {
        value = 65535;
        break;
      }
      if (next >= 92)
        next--;
      if (next >= 34)
        next--;
      let digit = next - 32;
      if (digit >= 46) {
        digit -= 46;
        stop = true;
      }
      value += digit;
      if (stop)
        break;
      value *= 46;
    }
    if (array)
      array[out++] = value;
    else
      array = new Type(value);
  }
  return array;
}
var CachedToken = class {
  constructor() {
    this.start = -1;
    this.value = -1;
    this.end = -1;
    this.extended = -1;
    this.lookAhead = 0;
    this.mask = 0;
    this.context = 0;
  }
};
var nullToken = new CachedToken();
var InputStream = class {
  /**
  @internal
  */
  constructor(input, ranges) {
    this.input = input;
    this.ranges = ranges;
    this.chunk = "";
    this.chunkOff = 0;
    this.chunk2 = "";
    this.chunk2Pos = 0;
    this.next = -1;
    this.token = nullToken;
    this.rangeIndex = 0;
    this.pos = this.chunkPos = ranges[0].from;
    this.range = ranges[0];
    this.end = ranges[ranges.length - 1].to;
    this.readNext();
  }
  /**
  @internal
  */
  resolveOffset(offset, assoc) {
    let range = this.range, index = this.rangeIndex;
    let pos = this.pos + offset;
    while (pos < range.from) {
      if (!index)
        return null;
      let next = this.ranges[--index];
      pos -= range.from - next.to;
      range = next;
    }
    while (assoc < 0 ? pos > range.to : pos >= range.to) {
      if (index == this.ranges.length - 1)
        return null;
      let next = this.ranges[++index];
      pos += next.from - range.to;
      range = next;
    }
    return pos;
  }
  /**
  @internal
  */
  clipPos(pos) {
    if (pos >= this.range.from && pos < this.range.to)
      return pos;
    for (let range of this.ranges)
      if (range.to > pos)
        return Math.max(pos, range.from);
    return this.end;
  }
  /**
  Look at a code unit near the stream position. `.peek(0)` equals
  `.next`, `.peek(-1)` gives you the previous character, and so
  on.
  
  Note that looking around during tokenizing creates dependencies
  on potentially far-away content, which may reduce the
  effectiveness incremental parsing—when looking forward—or even
  cause invalid reparses when looking backward more than 25 code
  units, since the library does not track lookbehind.
  */
  peek(offset) {
    let idx = this.chunkOff + offset, pos, result;
    if (idx >= 0 && idx < this.chunk.length) {
      pos = this.pos + offset;
      result = this.chunk.charCodeAt(idx);
    } else {
      let resolved = this.resolveOffset(offset, 1);
      if (resolved == null)
        return -1;
      pos = resolved;
      if (pos >= this.chunk2Pos && pos < this.chunk2Pos + this.chunk2.length) {
        result = this.chunk2.charCodeAt(pos - this.chunk2Pos);
      } else {
        let i = this.rangeIndex, range = this.range;
        while (range.to <= pos)
          range = this.ranges[++i];
        this.chunk2 = this.input.chunk(this.chunk2Pos = pos);
        if (pos + this.chunk2.length > range.to)
          this.chunk2 = this.chunk2.slice(0, range.to - pos);
        result = this.chunk2.charCodeAt(0);
      }
    }
    if (pos >= this.token.lookAhead)
      this.token.lookAhead = pos + 1;
    return result;
  }
  /**
  Accept a token. By default, the end of the token is set to the
  current stream position, but you can pass an offset (relative to
  the stream position) to change that.
  */
  acceptToken(token, endOffset = 0) {
    let end = endOffset ? this.resolveOffset(endOffset, -1) : this.pos;
    if (end == null || end < this.token.start)
      throw new RangeError("Token end out of bounds");
    this.token.value = token;
    this.token.end = end;
  }
  /**
  Accept a token ending at a specific given position.
  */
  acceptTokenTo(token, endPos) {
    this.token.value = token;
    this.token.end = endPos;
  }
  getChunk() {
    if (this.pos >= this.chunk2Pos && this.pos < this.chunk2Pos + this.chunk2.length) {
      let { chunk, chunkPos } = this;
      this.chunk = this.chunk2;
      this.chunkPos = this.chunk2Pos;
      this.chunk2 = chunk;
      this.chunk2Pos = chunkPos;
      this.chunkOff = this.pos - this.chunkPos;
    } else {
      this.chunk2 = this.chunk;
      this.chunk2Pos = this.chunkPos;
      let nextChunk = this.input.chunk(this.pos);
      let end = this.pos + nextChunk.length;
      this.chunk = end > this.range.to ? nextChunk.slice(0, this.range.to - this.pos) : nextChunk;
      this.chunkPos = this.pos;
      this.chunkOff = 0;
    }
  }
  readNext() {
    if (this.chunkOff >= this.chunk.length) {
      this.getChunk();
      if (this.chunkOff == this.chunk.length)
        return this.next = -1;
    }
    return this.next = this.chunk.charCodeAt(this.chunkOff);
  }
  /**
  Move the stream forward N (defaults to 1) code units. Returns
  the new value of [`next`](#lr.InputStream.next).
  */
  advance(n = 1) {
    this.chunkOff += n;
    while (this.pos + n >= this.range.to) {
      if (this.rangeIndex == this.ranges.length - 1)
        return this.setDone();
      n -= this.range.to - this.pos;
      this.range = this.ranges[++this.rangeIndex];
      this.pos = this.range.from;
    }
    this.pos += n;
    if (this.pos >= this.token.lookAhead)
      this.token.lookAhead = this.pos + 1;
    return this.readNext();
  }
  setDone() {
    this.pos = this.chunkPos = this.end;
    this.range = this.ranges[this.rangeIndex = this.ranges.length - 1];
    this.chunk = "";
    return this.next = -1;
  }
  /**
  @internal
  */
  reset(pos, token) {
    if (token) {
      this.token = token;
      token.start = pos;
      token.lookAhead = pos + 1;
      token.value = token.extended = -1;
    } else {
      this.token = nullToken;
    }
    if (this.pos != pos) {
      this.pos = pos;
      if (pos == this.end) {
        this.setDone();
        return this;
      }
      while (pos < this.range.from)
        this.range = this.ranges[--this.rangeIndex];
      while (pos >= this.range.to)
        this.range = this.ranges[++this.rangeIndex];
      if (pos >= this.chunkPos && pos < this.chunkPos + this.chunk.length) {
        this.chunkOff = pos - this.chunkPos;
      } else {
        this.chunk = "";
        this.chunkOff = 0;
      }
      this.readNext();
    }
    return this;
  }
  /**
  @internal
  */
  read(from, to) {
    if (from >= this.chunkPos && to <= this.chunkPos + this.chunk.length)
      return this.chunk.slice(from - this.chunkPos, to - this.chunkPos);
    if (from >= this.chunk2Pos && to <= this.chunk2Pos + this.chunk2.length)
      return this.chunk2.slice(from - this.chunk2Pos, to - this.chunk2Pos);
    if (from >= this.range.from && to <= this.range.to)
      return this.input.read(from, to);
    let result = "";
    for (let r of this.ranges) {
      if (r.from >= to)
        break;
      if (r.to > from)
        result += this.input.read(Math.max(r.from, from), Math.min(r.to, to));
    }
    return result;
  }
};
var TokenGroup = class {
  constructor(data, id2) {
    this.data = data;
    this.id = id2;
  }
  token(input, stack) {
    let { parser: parser3 } = stack.p;
    readToken(this.data, input, stack, this.id, parser3.data, parser3.tokenPrecTable);
  }
};
TokenGroup.prototype.contextual = TokenGroup.prototype.fallback = TokenGroup.prototype.extend = false;
var LocalTokenGroup = class {
  constructor(data, precTable, elseToken) {
    this.precTable = precTable;
    this.elseToken = elseToken;
    this.data = typeof data == "string" ? decodeArray(data) : data;
  }
  token(input, stack) {
    let start = input.pos, skipped = 0;
    for (; ; ) {
      let atEof = input.next < 0, nextPos = input.resolveOffset(1, 1);
      readToken(this.data, input, stack, 0, this.data, this.precTable);
      if (input.token.value > -1)
        break;
      if (this.elseToken == null)
        return;
      if (!atEof)
        skipped++;
      if (nextPos == null)
        break;
      input.reset(nextPos, input.token);
    }
    if (skipped) {
      input.reset(start, input.token);
      input.acceptToken(this.elseToken, skipped);
    }
  }
};
LocalTokenGroup.prototype.contextual = TokenGroup.prototype.fallback = TokenGroup.prototype.extend = false;
var ExternalTokenizer = class {
  /**
  Create a tokenizer. The first argument is the function that,
  given an input stream, scans for the types of tokens it
  recognizes at the stream's position, and calls
  [`acceptToken`](#lr.InputStream.acceptToken) when it finds
  one.
  */
  constructor(token, options = {}) {
    this.token = token;
    this.contextual = !!options.contextual;
    this.fallback = !!options.fallback;
    this.extend = !!options.extend;
  }
};
function readToken(data, input, stack, group, precTable, precOffset) {
  let state = 0, groupMask = 1 << group, { dialect } = stack.p.parser;
  scan: for (; ; ) {
    if ((groupMask & data[state]) == 0)
      break;
    let accEnd = data[state + 1];
    for (let i = state + 3; i < accEnd; i += 2)
      if ((data[i + 1] & groupMask) > 0) {
        let term = data[i];
        if (dialect.allows(term) && (input.token.value == -1 || input.token.value == term || overrides(term, input.token.value, precTable, precOffset))) {
          input.acceptToken(term);
          break;
        }
      }
    let next = input.next, low = 0, high = data[state + 2];
    if (input.next < 0 && high > low && data[accEnd + high * 3 - 3] == 65535) {
      state = data[accEnd + high * 3 - 1];
      continue scan;
    }
    for (; low < high; ) {
      let mid = low + high >> 1;
      let index = accEnd + mid + (mid << 1);
      let from = data[index], to = data[index + 1] || 65536;
      if (next < from)
        high = mid;
      else if (next >= to)
        low = mid + 1;
      else {
        state = data[index + 2];
        input.advance();
        continue scan;
      }
    }
    break;
  }
}
function findOffset(data, start, term) {
  for (let i = start, next; (next = data[i]) != 65535; i++)
    if (next == term)
      return i - start;
  return -1;
}
function overrides(token, prev, tableData, tableOffset) {
  let iPrev = findOffset(tableData, tableOffset, prev);
  return iPrev < 0 || findOffset(tableData, tableOffset, token) < iPrev;
}
var verbose = typeof process != "undefined" && process.env && /\bparse\b/.test(process.env.LOG);
var stackIDs = null;
function cutAt(tree, pos, side) {
  let cursor = tree.cursor(IterMode.IncludeAnonymous);
  cursor.moveTo(pos);
  for (; ; ) {
    if (!(side < 0 ? cursor.childBefore(pos) : cursor.childAfter(pos)))
      for (; ; ) {
        if ((side < 0 ? cursor.to < pos : cursor.from > pos) && !cursor.type.isError)
          return side < 0 ? Math.max(0, Math.min(
            cursor.to - 1,
            pos - 25
            /* Lookahead.Margin */
          )) : Math.min(tree.length, Math.max(
            cursor.from + 1,
            pos + 25
            /* Lookahead.Margin */
          ));
        if (side < 0 ? cursor.prevSibling() : cursor.nextSibling())
          break;
        if (!cursor.parent())
          return side < 0 ? 0 : tree.length;
      }
  }
}
var FragmentCursor = class {
  constructor(fragments, minRepeat) {
    this.fragments = fragments;
    this.minRepeat = minRepeat;
    this.i = 0;
    this.fragment = null;
    this.safeFrom = -1;
    this.safeTo = -1;
    this.trees = [];
    this.start = [];
    this.index = [];
    this.lastRepeat = null;
    this.lastRepeatPos = -1;
    this.nextFragment();
  }
  nextFragment() {
    let fr = this.fragment = this.i == this.fragments.length ? null : this.fragments[this.i++];
    if (fr) {
      this.safeFrom = fr.openStart ? cutAt(fr.tree, fr.from + fr.offset, 1) - fr.offset : fr.from;
      this.safeTo = fr.openEnd ? cutAt(fr.tree, fr.to + fr.offset, -1) - fr.offset : fr.to;
      while (this.trees.length) {
        this.trees.pop();
        this.start.pop();
        this.index.pop();
      }
      this.trees.push(fr.tree);
      this.start.push(-fr.offset);
      this.index.push(0);
      this.nextStart = this.safeFrom;
    } else {
      this.nextStart = 1e9;
    }
  }
  // `pos` must be >= any previously given `pos` for this cursor
  nodeAt(pos) {
    if (pos < this.nextStart)
      return null;
    while (this.fragment && this.safeTo <= pos)
      this.nextFragment();
    if (!this.fragment)
      return null;
    for (; ; ) {
      let last = this.trees.length - 1;
      if (last < 0) {
        this.nextFragment();
        return null;
      }
      if (pos < this.safeFrom)
        return null;
      let top = this.trees[last], index = this.index[last];
      if (index == top.children.length) {
        this.trees.pop();
        this.start.pop();
        this.index.pop();
        continue;
      }
      let next = top.children[index];
      let start = this.start[last] + top.positions[index];
      if (start > pos) {
        this.nextStart = start;
        return null;
      }
      if (next instanceof Tree) {
        let storeRepeat = start > this.lastRepeatPos && next.type.id >= this.minRepeat;
        if (start == pos || storeRepeat) {
          let end = start + next.length, lookahead;
          if (start >= this.safeFrom && end <= this.safeTo && (!(lookahead = next.prop(NodeProp.lookAhead)) || end + lookahead < this.fragment.to)) {
            if (storeRepeat) {
              this.lastRepeat = next;
              this.lastRepeatPos = start;
            }
            if (start == pos)
              return next;
          }
        }
        this.index[last]++;
        if (start + next.length >= Math.max(this.safeFrom, pos)) {
          this.trees.push(next);
          this.start.push(start);
          this.index.push(0);
        }
      } else {
        this.index[last]++;
        this.nextStart = start + next.length;
      }
    }
  }
};
var TokenCache = class {
  constructor(parser3, stream) {
    this.stream = stream;
    this.tokens = [];
    this.mainToken = null;
    this.actions = [];
    this.tokens = parser3.tokenizers.map((_) => new CachedToken());
  }
  getActions(stack) {
    let actionIndex = 0;
    let main = null;
    let { parser: parser3 } = stack.p, { tokenizers } = parser3;
    let mask = parser3.stateSlot(
      stack.state,
      3
      /* ParseState.TokenizerMask */
    );
    let context = stack.curContext ? stack.curContext.hash : 0;
    let lookAhead = 0;
    for (let i = 0; i < tokenizers.length; i++) {
      if ((1 << i & mask) == 0)
        continue;
      let tokenizer = tokenizers[i], token = this.tokens[i];
      if (main && !tokenizer.fallback)
        continue;
      if (tokenizer.contextual || token.start != stack.pos || token.mask != mask || token.context != context) {
        this.updateCachedToken(token, tokenizer, stack);
        token.mask = mask;
        token.context = context;
      }
      if (token.lookAhead > token.end + 25)
        lookAhead = Math.max(token.lookAhead, lookAhead);
      if (token.value != 0) {
        let startIndex = actionIndex;
        if (token.extended > -1)
          actionIndex = this.addActions(stack, token.extended, token.end, actionIndex);
        actionIndex = this.addActions(stack, token.value, token.end, actionIndex);
        if (!tokenizer.extend) {
          main = token;
          if (actionIndex > startIndex)
            break;
        }
      }
    }
    while (this.actions.length > actionIndex)
      this.actions.pop();
    if (lookAhead)
      stack.setLookAhead(lookAhead);
    if (!main && stack.pos == this.stream.end) {
      main = new CachedToken();
      main.value = stack.p.parser.eofTerm;
      main.start = main.end = stack.pos;
      actionIndex = this.addActions(stack, main.value, main.end, actionIndex);
    }
    this.mainToken = main;
    return this.actions;
  }
  getMainToken(stack) {
    if (this.mainToken)
      return this.mainToken;
    let main = new CachedToken(), { pos, p } = stack;
    main.start = pos;
    main.end = Math.min(pos + 1, p.stream.end);
    main.value = pos == p.stream.end ? p.parser.eofTerm : 0;
    return main;
  }
  updateCachedToken(token, tokenizer, stack) {
    let start = this.stream.clipPos(stack.pos);
    tokenizer.token(this.stream.reset(start, token), stack);
    if (token.value > -1) {
      let { parser: parser3 } = stack.p;
      for (let i = 0; i < parser3.specialized.length; i++)
        if (parser3.specialized[i] == token.value) {
          let result = parser3.specializers[i](this.stream.read(token.start, token.end), stack);
          if (result >= 0 && stack.p.parser.dialect.allows(result >> 1)) {
            if ((result & 1) == 0)
              token.value = result >> 1;
            else
              token.extended = result >> 1;
            break;
          }
        }
    } else {
      token.value = 0;
      token.end = this.stream.clipPos(start + 1);
    }
  }
  putAction(action, token, end, index) {
    for (let i = 0; i < index; i += 3)
      if (this.actions[i] == action)
        return index;
    this.actions[index++] = action;
    this.actions[index++] = token;
    this.actions[index++] = end;
    return index;
  }
  addActions(stack, token, end, index) {
    let { state } = stack, { parser: parser3 } = stack.p, { data } = parser3;
    for (let set = 0; set < 2; set++) {
      for (let i = parser3.stateSlot(
        state,
        set ? 2 : 1
        /* ParseState.Actions */
      ); ; i += 3) {
        if (data[i] == 65535) {
          if (data[i + 1] == 1) {
            i = pair(data, i + 2);
          } else {
            if (index == 0 && data[i + 1] == 2)
              index = this.putAction(pair(data, i + 2), token, end, index);
            break;
          }
        }
        if (data[i] == token)
          index = this.putAction(pair(data, i + 1), token, end, index);
      }
    }
    return index;
  }
};
var Parse = class {
  constructor(parser3, input, fragments, ranges) {
    this.parser = parser3;
    this.input = input;
    this.ranges = ranges;
    this.recovering = 0;
    this.nextStackID = 9812;
    this.minStackPos = 0;
    this.reused = [];
    this.stoppedAt = null;
    this.lastBigReductionStart = -1;
    this.lastBigReductionSize = 0;
    this.bigReductionCount = 0;
    this.stream = new InputStream(input, ranges);
    this.tokens = new TokenCache(parser3, this.stream);
    this.topTerm = parser3.top[1];
    let { from } = ranges[0];
    this.stacks = [Stack.start(this, parser3.top[0], from)];
    this.fragments = fragments.length && this.stream.end - from > parser3.bufferLength * 4 ? new FragmentCursor(fragments, parser3.minRepeatTerm) : null;
  }
  get parsedPos() {
    return this.minStackPos;
  }
  // Move the parser forward. This will process all parse stacks at
  // `this.pos` and try to advance them to a further position. If no
  // stack for such a position is found, it'll start error-recovery.
  //
  // When the parse is finished, this will return a syntax tree. When
  // not, it returns `null`.
  advance() {
    let stacks = this.stacks, pos = this.minStackPos;
    let newStacks = this.stacks = [];
    let stopped, stoppedTokens;
    if (this.bigReductionCount > 300 && stacks.length == 1) {
      let [s] = stacks;
      while (s.forceReduce() && s.stack.length && s.stack[s.stack.length - 2] >= this.lastBigReductionStart) {
      }
      this.bigReductionCount = this.lastBigReductionSize = 0;
    }
    for (let i = 0; i < stacks.length; i++) {
      let stack = stacks[i];
      for (; ; ) {
        this.tokens.mainToken = null;
        if (stack.pos > pos) {
          newStacks.push(stack);
        } else if (this.advanceStack(stack, newStacks, stacks)) {
          continue;
        } else {
          if (!stopped) {
            stopped = [];
            stoppedTokens = [];
          }
          stopped.push(stack);
          let tok = this.tokens.getMainToken(stack);
          stoppedTokens.push(tok.value, tok.end);
        }
        break;
      }
    }
    if (!newStacks.length) {
      let finished = stopped && findFinished(stopped);
      if (finished) {
        if (verbose)
          console.log("Finish with " + this.stackID(finished));
        return this.stackToTree(finished);
      }
      if (this.parser.strict) {
        if (verbose && stopped)
          console.log("Stuck with token " + (this.tokens.mainToken ? this.parser.getName(this.tokens.mainToken.value) : "none"));
        throw new SyntaxError("No parse at " + pos);
      }
      if (!this.recovering)
        this.recovering = 5;
    }
    if (this.recovering && stopped) {
      let finished = this.stoppedAt != null && stopped[0].pos > this.stoppedAt ? stopped[0] : this.runRecovery(stopped, stoppedTokens, newStacks);
      if (finished) {
        if (verbose)
          console.log("Force-finish " + this.stackID(finished));
        return this.stackToTree(finished.forceAll());
      }
    }
    if (this.recovering) {
      let maxRemaining = this.recovering == 1 ? 1 : this.recovering * 3;
      if (newStacks.length > maxRemaining) {
        newStacks.sort((a, b) => b.score - a.score);
        while (newStacks.length > maxRemaining)
          newStacks.pop();
      }
      if (newStacks.some((s) => s.reducePos > pos))
        this.recovering--;
    } else if (newStacks.length > 1) {
      outer: for (let i = 0; i < newStacks.length - 1; i++) {
        let stack = newStacks[i];
        for (let j = i + 1; j < newStacks.length; j++) {
          let other = newStacks[j];
          if (stack.sameState(other) || stack.buffer.length > 500 && other.buffer.length > 500) {
            if ((stack.score - other.score || stack.buffer.length - other.buffer.length) > 0) {
              newStacks.splice(j--, 1);
            } else {
              newStacks.splice(i--, 1);
              continue outer;
            }
          }
        }
      }
      if (newStacks.length > 12) {
        newStacks.sort((a, b) => b.score - a.score);
        newStacks.splice(
          12,
          newStacks.length - 12
          /* Rec.MaxStackCount */
        );
      }
    }
    this.minStackPos = newStacks[0].pos;
    for (let i = 1; i < newStacks.length; i++)
      if (newStacks[i].pos < this.minStackPos)
        this.minStackPos = newStacks[i].pos;
    return null;
  }
  stopAt(pos) {
    if (this.stoppedAt != null && this.stoppedAt < pos)
      throw new RangeError("Can't move stoppedAt forward");
    this.stoppedAt = pos;
  }
  // See if a given tree, or a descendant right at its start, can be
  // reused in the given stack.
  tryReuse(stack, start, tree, repeatOnly) {
    if (!tree)
      return null;
    let strictCx = stack.curContext && stack.curContext.tracker.strict, cxHash = strictCx ? stack.curContext.hash : 0;
    for (; tree; ) {
      let match = this.parser.nodeSet.types[tree.type.id] != tree.type ? -1 : this.parser.getGoto(stack.state, tree.type.id);
      if (match > -1 && tree.length && (!strictCx || (tree.prop(NodeProp.contextHash) || 0) == cxHash)) {
        stack.useNode(tree, match, start);
        return tree;
      }
      if (tree.children.length == 0 || tree.positions[0] > 0)
        break;
      let inner = tree.children[0];
      if (inner instanceof Tree && (!repeatOnly || inner.type.id >= this.parser.minRepeatTerm))
        tree = inner;
      else
        break;
    }
    return null;
  }
  // Returns an updated version of the given stack, or null if the
  // stack can't advance normally. When `split` and `stacks` are
  // given, stacks split off by ambiguous operations will be pushed to
  // `split`, or added to `stacks` if they move `pos` forward.
  advanceStack(stack, stacks, split) {
    let start = stack.pos, { parser: parser3 } = this;
    let base = verbose ? this.stackID(stack) + " -> " : "";
    if (this.stoppedAt != null && start > this.stoppedAt)
      return stack.forceReduce() ? stack : null;
    if (this.fragments) {
      let reused = stack.reducePos < start && stack.buffer.length && stack.buffer[stack.buffer.length - 2] <= stack.reducePos && this.fragments.lastRepeatPos == stack.reducePos && this.tryReuse(stack, stack.reducePos, this.fragments.lastRepeat, true) || this.tryReuse(stack, start, this.fragments.nodeAt(start), false);
      if (reused) {
        if (verbose)
          console.log(base + this.stackID(stack) + ` (via reuse of ${parser3.getName(reused.type.id)})`);
        return true;
      }
    }
    let defaultReduce = parser3.stateSlot(
      stack.state,
      4
      /* ParseState.DefaultReduce */
    );
    if (defaultReduce > 0) {
      stack.reduce(defaultReduce);
      if (verbose)
        console.log(base + this.stackID(stack) + ` (via always-reduce ${parser3.getName(
          defaultReduce & 65535
          /* Action.ValueMask */
        )})`);
      return true;
    }
    if (stack.stack.length >= 8400) {
      while (stack.stack.length > 6e3 && stack.forceReduce()) {
      }
    }
    let actions = this.tokens.getActions(stack);
    for (let i = 0; i < actions.length; ) {
      let action = actions[i++], term = actions[i++], end = actions[i++];
      let last = i == actions.length || !split;
      let localStack = last ? stack : stack.split();
      let main = this.tokens.mainToken;
      localStack.apply(action, term, main ? main.start : localStack.pos, end);
      if (verbose)
        console.log(base + this.stackID(localStack) + ` (via ${(action & 65536) == 0 ? "shift" : `reduce of ${parser3.getName(
          action & 65535
          /* Action.ValueMask */
        )}`} for ${parser3.getName(term)} @ ${start}${localStack == stack ? "" : ", split"})`);
      if (last)
        return true;
      else if (localStack.pos > start)
        stacks.push(localStack);
      else
        split.push(localStack);
    }
    return false;
  }
  // Advance a given stack forward as far as it will go. Returns the
  // (possibly updated) stack if it got stuck, or null if it moved
  // forward and was given to `pushStackDedup`.
  advanceFully(stack, newStacks) {
    let pos = stack.pos;
    for (; ; ) {
      if (!this.advanceStack(stack, null, null))
        return false;
      if (stack.pos > pos) {
        pushStackDedup(stack, newStacks);
        return true;
      }
    }
  }
  runRecovery(stacks, tokens2, newStacks) {
    let finished = null, restarted = false;
    for (let i = 0; i < stacks.length; i++) {
      let stack = stacks[i], token = tokens2[i << 1], tokenEnd = tokens2[(i << 1) + 1];
      let base = verbose ? this.stackID(stack) + " -> " : "";
      if (stack.deadEnd) {
        if (restarted)
          continue;
        restarted = true;
        stack.restart();
        if (verbose)
          console.log(base + this.stackID(stack) + " (restarted)");
        let done = this.advanceFully(stack, newStacks);
        if (done)
          continue;
      }
      let force = stack.split(), forceBase = base;
      for (let j = 0; j < 10 && force.forceReduce(); j++) {
        if (verbose)
          console.log(forceBase + this.stackID(force) + " (via force-reduce)");
        let done = this.advanceFully(force, newStacks);
        if (done)
          break;
        if (verbose)
          forceBase = this.stackID(force) + " -> ";
      }
      for (let insert of stack.recoverByInsert(token)) {
        if (verbose)
          console.log(base + this.stackID(insert) + " (via recover-insert)");
        this.advanceFully(insert, newStacks);
      }
      if (this.stream.end > stack.pos) {
        if (tokenEnd == stack.pos) {
          tokenEnd++;
          token = 0;
        }
        stack.recoverByDelete(token, tokenEnd);
        if (verbose)
          console.log(base + this.stackID(stack) + ` (via recover-delete ${this.parser.getName(token)})`);
        pushStackDedup(stack, newStacks);
      } else if (!finished || finished.score < force.score) {
        finished = force;
      }
    }
    return finished;
  }
  // Convert the stack's buffer to a syntax tree.
  stackToTree(stack) {
    stack.close();
    return Tree.build({
      buffer: StackBufferCursor.create(stack),
      nodeSet: this.parser.nodeSet,
      topID: this.topTerm,
      maxBufferLength: this.parser.bufferLength,
      reused: this.reused,
      start: this.ranges[0].from,
      length: stack.pos - this.ranges[0].from,
      minRepeatType: this.parser.minRepeatTerm
    });
  }
  stackID(stack) {
    let id2 = (stackIDs || (stackIDs = /* @__PURE__ */ new WeakMap())).get(stack);
    if (!id2)
      stackIDs.set(stack, id2 = String.fromCodePoint(this.nextStackID++));
    return id2 + stack;
  }
};
function pushStackDedup(stack, newStacks) {
  for (let i = 0; i < newStacks.length; i++) {
    let other = newStacks[i];
    if (other.pos == stack.pos && other.sameState(stack)) {
      if (newStacks[i].score < stack.score)
        newStacks[i] = stack;
      return;
    }
  }
  newStacks.push(stack);
}
var Dialect = class {
  constructor(source, flags, disabled) {
    this.source = source;
    this.flags = flags;
    this.disabled = disabled;
  }
  allows(term) {
    return !this.disabled || this.disabled[term] == 0;
  }
};
var id = (x) => x;
var ContextTracker = class {
  /**
  Define a context tracker.
  */
  constructor(spec) {
    this.start = spec.start;
    this.shift = spec.shift || id;
    this.reduce = spec.reduce || id;
    this.reuse = spec.reuse || id;
    this.hash = spec.hash || (() => 0);
    this.strict = spec.strict !== false;
  }
};
var LRParser = class _LRParser extends Parser {
  /**
  @internal
  */
  constructor(spec) {
    super();
    this.wrappers = [];
    if (spec.version != 14)
      throw new RangeError(`Parser version (${spec.version}) doesn't match runtime version (${14})`);
    let nodeNames = spec.nodeNames.split(" ");
    this.minRepeatTerm = nodeNames.length;
    for (let i = 0; i < spec.repeatNodeCount; i++)
      nodeNames.push("");
    let topTerms = Object.keys(spec.topRules).map((r) => spec.topRules[r][1]);
    let nodeProps = [];
    for (let i = 0; i < nodeNames.length; i++)
      nodeProps.push([]);
    function setProp(nodeID, prop, value) {
      nodeProps[nodeID].push([prop, prop.deserialize(String(value))]);
    }
    if (spec.nodeProps)
      for (let propSpec of spec.nodeProps) {
        let prop = propSpec[0];
        if (typeof prop == "string")
          prop = NodeProp[prop];
        for (let i = 1; i < propSpec.length; ) {
          let next = propSpec[i++];
          if (next >= 0) {
            setProp(next, prop, propSpec[i++]);
          } else {
            let value = propSpec[i + -next];
            for (let j = -next; j > 0; j--)
              setProp(propSpec[i++], prop, value);
            i++;
          }
        }
      }
    this.nodeSet = new NodeSet(nodeNames.map((name2, i) => NodeType.define({
      name: i >= this.minRepeatTerm ? void 0 : name2,
      id: i,
      props: nodeProps[i],
      top: topTerms.indexOf(i) > -1,
      error: i == 0,
      skipped: spec.skippedNodes && spec.skippedNodes.indexOf(i) > -1
    })));
    if (spec.propSources)
      this.nodeSet = this.nodeSet.extend(...spec.propSources);
    this.strict = false;
    this.bufferLength = DefaultBufferLength;
    let tokenArray = decodeArray(spec.tokenData);
    this.context = spec.context;
    this.specializerSpecs = spec.specialized || [];
    this.specialized = new Uint16Array(this.specializerSpecs.length);
    for (let i = 0; i < this.specializerSpecs.length; i++)
      this.specialized[i] = this.specializerSpecs[i].term;
    this.specializers = this.specializerSpecs.map(getSpecializer);
    this.states = decodeArray(spec.states, Uint32Array);
    this.data = decodeArray(spec.stateData);
    this.goto = decodeArray(spec.goto);
    this.maxTerm = spec.maxTerm;
    this.tokenizers = spec.tokenizers.map((value) => typeof value == "number" ? new TokenGroup(tokenArray, value) : value);
    this.topRules = spec.topRules;
    this.dialects = spec.dialects || {};
    this.dynamicPrecedences = spec.dynamicPrecedences || null;
    this.tokenPrecTable = spec.tokenPrec;
    this.termNames = spec.termNames || null;
    this.maxNode = this.nodeSet.types.length - 1;
    this.dialect = this.parseDialect();
    this.top = this.topRules[Object.keys(this.topRules)[0]];
  }
  createParse(input, fragments, ranges) {
    let parse = new Parse(this, input, fragments, ranges);
    for (let w of this.wrappers)
      parse = w(parse, input, fragments, ranges);
    return parse;
  }
  /**
  Get a goto table entry @internal
  */
  getGoto(state, term, loose = false) {
    let table = this.goto;
    if (term >= table[0])
      return -1;
    for (let pos = table[term + 1]; ; ) {
      let groupTag = table[pos++], last = groupTag & 1;
      let target = table[pos++];
      if (last && loose)
        return target;
      for (let end = pos + (groupTag >> 1); pos < end; pos++)
        if (table[pos] == state)
          return target;
      if (last)
        return -1;
    }
  }
  /**
  Check if this state has an action for a given terminal @internal
  */
  hasAction(state, terminal) {
    let data = this.data;
    for (let set = 0; set < 2; set++) {
      for (let i = this.stateSlot(
        state,
        set ? 2 : 1
        /* ParseState.Actions */
      ), next; ; i += 3) {
        if ((next = data[i]) == 65535) {
          if (data[i + 1] == 1)
            next = data[i = pair(data, i + 2)];
          else if (data[i + 1] == 2)
            return pair(data, i + 2);
          else
            break;
        }
        if (next == terminal || next == 0)
          return pair(data, i + 1);
      }
    }
    return 0;
  }
  /**
  @internal
  */
  stateSlot(state, slot) {
    return this.states[state * 6 + slot];
  }
  /**
  @internal
  */
  stateFlag(state, flag) {
    return (this.stateSlot(
      state,
      0
      /* ParseState.Flags */
    ) & flag) > 0;
  }
  /**
  @internal
  */
  validAction(state, action) {
    return !!this.allActions(state, (a) => a == action ? true : null);
  }
  /**
  @internal
  */
  allActions(state, action) {
    let deflt = this.stateSlot(
      state,
      4
      /* ParseState.DefaultReduce */
    );
    let result = deflt ? action(deflt) : void 0;
    for (let i = this.stateSlot(
      state,
      1
      /* ParseState.Actions */
    ); result == null; i += 3) {
      if (this.data[i] == 65535) {
        if (this.data[i + 1] == 1)
          i = pair(this.data, i + 2);
        else
          break;
      }
      result = action(pair(this.data, i + 1));
    }
    return result;
  }
  /**
  Get the states that can follow this one through shift actions or
  goto jumps. @internal
  */
  nextStates(state) {
    let result = [];
    for (let i = this.stateSlot(
      state,
      1
      /* ParseState.Actions */
    ); ; i += 3) {
      if (this.data[i] == 65535) {
        if (this.data[i + 1] == 1)
          i = pair(this.data, i + 2);
        else
          break;
      }
      if ((this.data[i + 2] & 65536 >> 16) == 0) {
        let value = this.data[i + 1];
        if (!result.some((v, i2) => i2 & 1 && v == value))
          result.push(this.data[i], value);
      }
    }
    return result;
  }
  /**
  Configure the parser. Returns a new parser instance that has the
  given settings modified. Settings not provided in `config` are
  kept from the original parser.
  */
  configure(config2) {
    let copy = Object.assign(Object.create(_LRParser.prototype), this);
    if (config2.props)
      copy.nodeSet = this.nodeSet.extend(...config2.props);
    if (config2.top) {
      let info = this.topRules[config2.top];
      if (!info)
        throw new RangeError(`Invalid top rule name ${config2.top}`);
      copy.top = info;
    }
    if (config2.tokenizers)
      copy.tokenizers = this.tokenizers.map((t2) => {
        let found = config2.tokenizers.find((r) => r.from == t2);
        return found ? found.to : t2;
      });
    if (config2.specializers) {
      copy.specializers = this.specializers.slice();
      copy.specializerSpecs = this.specializerSpecs.map((s, i) => {
        let found = config2.specializers.find((r) => r.from == s.external);
        if (!found)
          return s;
        let spec = Object.assign(Object.assign({}, s), { external: found.to });
        copy.specializers[i] = getSpecializer(spec);
        return spec;
      });
    }
    if (config2.contextTracker)
      copy.context = config2.contextTracker;
    if (config2.dialect)
      copy.dialect = this.parseDialect(config2.dialect);
    if (config2.strict != null)
      copy.strict = config2.strict;
    if (config2.wrap)
      copy.wrappers = copy.wrappers.concat(config2.wrap);
    if (config2.bufferLength != null)
      copy.bufferLength = config2.bufferLength;
    return copy;
  }
  /**
  Tells you whether any [parse wrappers](#lr.ParserConfig.wrap)
  are registered for this parser.
  */
  hasWrappers() {
    return this.wrappers.length > 0;
  }
  /**
  Returns the name associated with a given term. This will only
  work for all terms when the parser was generated with the
  `--names` option. By default, only the names of tagged terms are
  stored.
  */
  getName(term) {
    return this.termNames ? this.termNames[term] : String(term <= this.maxNode && this.nodeSet.types[term].name || term);
  }
  /**
  The eof term id is always allocated directly after the node
  types. @internal
  */
  get eofTerm() {
    return this.maxNode + 1;
  }
  /**
  The type of top node produced by the parser.
  */
  get topNode() {
    return this.nodeSet.types[this.top[1]];
  }
  /**
  @internal
  */
  dynamicPrecedence(term) {
    let prec = this.dynamicPrecedences;
    return prec == null ? 0 : prec[term] || 0;
  }
  /**
  @internal
  */
  parseDialect(dialect) {
    let values = Object.keys(this.dialects), flags = values.map(() => false);
    if (dialect)
      for (let part of dialect.split(" ")) {
        let id2 = values.indexOf(part);
        if (id2 >= 0)
          flags[id2] = true;
      }
    let disabled = null;
    for (let i = 0; i < values.length; i++)
      if (!flags[i]) {
        for (let j = this.dialects[values[i]], id2; (id2 = this.data[j++]) != 65535; )
          (disabled || (disabled = new Uint8Array(this.maxTerm + 1)))[id2] = 1;
      }
    return new Dialect(dialect, flags, disabled);
  }
  /**
  Used by the output of the parser generator. Not available to
  user code. @hide
  */
  static deserialize(spec) {
    return new _LRParser(spec);
  }
};
function pair(data, off) {
  return data[off] | data[off + 1] << 16;
}
function findFinished(stacks) {
  let best = null;
  for (let stack of stacks) {
    let stopped = stack.p.stoppedAt;
    if ((stack.pos == stack.p.stream.end || stopped != null && stack.pos > stopped) && stack.p.parser.stateFlag(
      stack.state,
      2
      /* StateFlag.Accepting */
    ) && (!best || best.score < stack.score))
      best = stack;
  }
  return best;
}
function getSpecializer(spec) {
  if (spec.external) {
    let mask = spec.extend ? 1 : 0;
    return (value, stack) => spec.external(value, stack) << 1 | mask;
  }
  return spec.get;
}

// node_modules/@lezer/highlight/dist/index.js
var nextTagID = 0;
var Tag = class _Tag {
  /**
  @internal
  */
  constructor(name2, set, base, modified) {
    this.name = name2;
    this.set = set;
    this.base = base;
    this.modified = modified;
    this.id = nextTagID++;
  }
  toString() {
    let { name: name2 } = this;
    for (let mod of this.modified)
      if (mod.name)
        name2 = `${mod.name}(${name2})`;
    return name2;
  }
  static define(nameOrParent, parent) {
    let name2 = typeof nameOrParent == "string" ? nameOrParent : "?";
    if (nameOrParent instanceof _Tag)
      parent = nameOrParent;
    if (parent === null || parent === void 0 ? void 0 : parent.base)
      throw new Error("Can not derive from a modified tag");
    let tag = new _Tag(name2, [], null, []);
    tag.set.push(tag);
    if (parent)
      for (let t2 of parent.set)
        tag.set.push(t2);
    return tag;
  }
  /**
  Define a tag _modifier_, which is a function that, given a tag,
  will return a tag that is a subtag of the original. Applying the
  same modifier to a twice tag will return the same value (`m1(t1)
  == m1(t1)`) and applying multiple modifiers will, regardless or
  order, produce the same tag (`m1(m2(t1)) == m2(m1(t1))`).
  
  When multiple modifiers are applied to a given base tag, each
  smaller set of modifiers is registered as a parent, so that for
  example `m1(m2(m3(t1)))` is a subtype of `m1(m2(t1))`,
  `m1(m3(t1)`, and so on.
  */
  static defineModifier(name2) {
    let mod = new Modifier(name2);
    return (tag) => {
      if (tag.modified.indexOf(mod) > -1)
        return tag;
      return Modifier.get(tag.base || tag, tag.modified.concat(mod).sort((a, b) => a.id - b.id));
    };
  }
};
var nextModifierID = 0;
var Modifier = class _Modifier {
  constructor(name2) {
    this.name = name2;
    this.instances = [];
    this.id = nextModifierID++;
  }
  static get(base, mods) {
    if (!mods.length)
      return base;
    let exists2 = mods[0].instances.find((t2) => t2.base == base && sameArray(mods, t2.modified));
    if (exists2)
      return exists2;
    let set = [], tag = new Tag(base.name, set, base, mods);
    for (let m of mods)
      m.instances.push(tag);
    let configs = powerSet(mods);
    for (let parent of base.set)
      if (!parent.modified.length)
        for (let config2 of configs)
          set.push(_Modifier.get(parent, config2));
    return tag;
  }
};
function sameArray(a, b) {
  return a.length == b.length && a.every((x, i) => x == b[i]);
}
function powerSet(array) {
  let sets = [[]];
  for (let i = 0; i < array.length; i++) {
    for (let j = 0, e = sets.length; j < e; j++) {
      sets.push(sets[j].concat(array[i]));
    }
  }
  return sets.sort((a, b) => b.length - a.length);
}
function styleTags(spec) {
  let byName = /* @__PURE__ */ Object.create(null);
  for (let prop in spec) {
    let tags2 = spec[prop];
    if (!Array.isArray(tags2))
      tags2 = [tags2];
    for (let part of prop.split(" "))
      if (part) {
        let pieces = [], mode = 2, rest = part;
        for (let pos = 0; ; ) {
          if (rest == "..." && pos > 0 && pos + 3 == part.length) {
            mode = 1;
            break;
          }
          let m = /^"(?:[^"\\]|\\.)*?"|[^\/!]+/.exec(rest);
          if (!m)
            throw new RangeError("Invalid path: " + part);
          pieces.push(m[0] == "*" ? "" : m[0][0] == '"' ? JSON.parse(m[0]) : m[0]);
          pos += m[0].length;
          if (pos == part.length)
            break;
          let next = part[pos++];
          if (pos == part.length && next == "!") {
            mode = 0;
            break;
          }
          if (next != "/")
            throw new RangeError("Invalid path: " + part);
          rest = part.slice(pos);
        }
        let last = pieces.length - 1, inner = pieces[last];
        if (!inner)
          throw new RangeError("Invalid path: " + part);
        let rule = new Rule(tags2, mode, last > 0 ? pieces.slice(0, last) : null);
        byName[inner] = rule.sort(byName[inner]);
      }
  }
  return ruleNodeProp.add(byName);
}
var ruleNodeProp = new NodeProp({
  combine(a, b) {
    let cur, root, take;
    while (a || b) {
      if (!a || b && a.depth <= b.depth) {
        take = b;
        b = b.next;
      } else {
        take = a;
        a = a.next;
      }
      if (cur && cur.mode == take.mode && !take.context && !cur.context)
        continue;
      let copy = new Rule(take.tags, take.mode, take.context);
      if (cur)
        cur.next = copy;
      else
        root = copy;
      cur = copy;
    }
    return root;
  }
});
var Rule = class {
  constructor(tags2, mode, context, next) {
    this.tags = tags2;
    this.mode = mode;
    this.context = context;
    this.next = next;
  }
  get opaque() {
    return this.mode == 0;
  }
  get inherit() {
    return this.mode == 1;
  }
  sort(other) {
    if (!other || other.depth < this.depth) {
      this.next = other;
      return this;
    }
    other.next = this.sort(other.next);
    return other;
  }
  get depth() {
    return this.context ? this.context.length : 0;
  }
};
Rule.empty = new Rule([], 2, null);
function tagHighlighter(tags2, options) {
  let map = /* @__PURE__ */ Object.create(null);
  for (let style of tags2) {
    if (!Array.isArray(style.tag))
      map[style.tag.id] = style.class;
    else
      for (let tag of style.tag)
        map[tag.id] = style.class;
  }
  let { scope, all = null } = options || {};
  return {
    style: (tags3) => {
      let cls = all;
      for (let tag of tags3) {
        for (let sub of tag.set) {
          let tagClass = map[sub.id];
          if (tagClass) {
            cls = cls ? cls + " " + tagClass : tagClass;
            break;
          }
        }
      }
      return cls;
    },
    scope
  };
}
var t = Tag.define;
var comment = t();
var name = t();
var typeName = t(name);
var propertyName = t(name);
var literal = t();
var string = t(literal);
var number = t(literal);
var content = t();
var heading = t(content);
var keyword = t();
var operator = t();
var punctuation = t();
var bracket = t(punctuation);
var meta = t();
var tags = {
  /**
  A comment.
  */
  comment,
  /**
  A line [comment](#highlight.tags.comment).
  */
  lineComment: t(comment),
  /**
  A block [comment](#highlight.tags.comment).
  */
  blockComment: t(comment),
  /**
  A documentation [comment](#highlight.tags.comment).
  */
  docComment: t(comment),
  /**
  Any kind of identifier.
  */
  name,
  /**
  The [name](#highlight.tags.name) of a variable.
  */
  variableName: t(name),
  /**
  A type [name](#highlight.tags.name).
  */
  typeName,
  /**
  A tag name (subtag of [`typeName`](#highlight.tags.typeName)).
  */
  tagName: t(typeName),
  /**
  A property or field [name](#highlight.tags.name).
  */
  propertyName,
  /**
  An attribute name (subtag of [`propertyName`](#highlight.tags.propertyName)).
  */
  attributeName: t(propertyName),
  /**
  The [name](#highlight.tags.name) of a class.
  */
  className: t(name),
  /**
  A label [name](#highlight.tags.name).
  */
  labelName: t(name),
  /**
  A namespace [name](#highlight.tags.name).
  */
  namespace: t(name),
  /**
  The [name](#highlight.tags.name) of a macro.
  */
  macroName: t(name),
  /**
  A literal value.
  */
  literal,
  /**
  A string [literal](#highlight.tags.literal).
  */
  string,
  /**
  A documentation [string](#highlight.tags.string).
  */
  docString: t(string),
  /**
  A character literal (subtag of [string](#highlight.tags.string)).
  */
  character: t(string),
  /**
  An attribute value (subtag of [string](#highlight.tags.string)).
  */
  attributeValue: t(string),
  /**
  A number [literal](#highlight.tags.literal).
  */
  number,
  /**
  An integer [number](#highlight.tags.number) literal.
  */
  integer: t(number),
  /**
  A floating-point [number](#highlight.tags.number) literal.
  */
  float: t(number),
  /**
  A boolean [literal](#highlight.tags.literal).
  */
  bool: t(literal),
  /**
  Regular expression [literal](#highlight.tags.literal).
  */
  regexp: t(literal),
  /**
  An escape [literal](#highlight.tags.literal), for example a
  backslash escape in a string.
  */
  escape: t(literal),
  /**
  A color [literal](#highlight.tags.literal).
  */
  color: t(literal),
  /**
  A URL [literal](#highlight.tags.literal).
  */
  url: t(literal),
  /**
  A language keyword.
  */
  keyword,
  /**
  The [keyword](#highlight.tags.keyword) for the self or this
  object.
  */
  self: t(keyword),
  /**
  The [keyword](#highlight.tags.keyword) for null.
  */
  null: t(keyword),
  /**
  A [keyword](#highlight.tags.keyword) denoting some atomic value.
  */
  atom: t(keyword),
  /**
  A [keyword](#highlight.tags.keyword) that represents a unit.
  */
  unit: t(keyword),
  /**
  A modifier [keyword](#highlight.tags.keyword).
  */
  modifier: t(keyword),
  /**
  A [keyword](#highlight.tags.keyword) that acts as an operator.
  */
  operatorKeyword: t(keyword),
  /**
  A control-flow related [keyword](#highlight.tags.keyword).
  */
  controlKeyword: t(keyword),
  /**
  A [keyword](#highlight.tags.keyword) that defines something.
  */
  definitionKeyword: t(keyword),
  /**
  A [keyword](#highlight.tags.keyword) related to defining or
  interfacing with modules.
  */
  moduleKeyword: t(keyword),
  /**
  An operator.
  */
  operator,
  /**
  An [operator](#highlight.tags.operator) that dereferences something.
  */
  derefOperator: t(operator),
  /**
  Arithmetic-related [operator](#highlight.tags.operator).
  */
  arithmeticOperator: t(operator),
  /**
  Logical [operator](#highlight.tags.operator).
  */
  logicOperator: t(operator),
  /**
  Bit [operator](#highlight.tags.operator).
  */
  bitwiseOperator: t(operator),
  /**
  Comparison [operator](#highlight.tags.operator).
  */
  compareOperator: t(operator),
  /**
  [Operator](#highlight.tags.operator) that updates its operand.
  */
  updateOperator: t(operator),
  /**
  [Operator](#highlight.tags.operator) that defines something.
  */
  definitionOperator: t(operator),
  /**
  Type-related [operator](#highlight.tags.operator).
  */
  typeOperator: t(operator),
  /**
  Control-flow [operator](#highlight.tags.operator).
  */
  controlOperator: t(operator),
  /**
  Program or markup punctuation.
  */
  punctuation,
  /**
  [Punctuation](#highlight.tags.punctuation) that separates
  things.
  */
  separator: t(punctuation),
  /**
  Bracket-style [punctuation](#highlight.tags.punctuation).
  */
  bracket,
  /**
  Angle [brackets](#highlight.tags.bracket) (usually `<` and `>`
  tokens).
  */
  angleBracket: t(bracket),
  /**
  Square [brackets](#highlight.tags.bracket) (usually `[` and `]`
  tokens).
  */
  squareBracket: t(bracket),
  /**
  Parentheses (usually `(` and `)` tokens). Subtag of
  [bracket](#highlight.tags.bracket).
  */
  paren: t(bracket),
  /**
  Braces (usually `{` and `}` tokens). Subtag of
  [bracket](#highlight.tags.bracket).
  */
  brace: t(bracket),
  /**
  Content, for example plain text in XML or markup documents.
  */
  content,
  /**
  [Content](#highlight.tags.content) that represents a heading.
  */
  heading,
  /**
  A level 1 [heading](#highlight.tags.heading).
  */
  heading1: t(heading),
  /**
  A level 2 [heading](#highlight.tags.heading).
  */
  heading2: t(heading),
  /**
  A level 3 [heading](#highlight.tags.heading).
  */
  heading3: t(heading),
  /**
  A level 4 [heading](#highlight.tags.heading).
  */
  heading4: t(heading),
  /**
  A level 5 [heading](#highlight.tags.heading).
  */
  heading5: t(heading),
  /**
  A level 6 [heading](#highlight.tags.heading).
  */
  heading6: t(heading),
  /**
  A prose [content](#highlight.tags.content) separator (such as a horizontal rule).
  */
  contentSeparator: t(content),
  /**
  [Content](#highlight.tags.content) that represents a list.
  */
  list: t(content),
  /**
  [Content](#highlight.tags.content) that represents a quote.
  */
  quote: t(content),
  /**
  [Content](#highlight.tags.content) that is emphasized.
  */
  emphasis: t(content),
  /**
  [Content](#highlight.tags.content) that is styled strong.
  */
  strong: t(content),
  /**
  [Content](#highlight.tags.content) that is part of a link.
  */
  link: t(content),
  /**
  [Content](#highlight.tags.content) that is styled as code or
  monospace.
  */
  monospace: t(content),
  /**
  [Content](#highlight.tags.content) that has a strike-through
  style.
  */
  strikethrough: t(content),
  /**
  Inserted text in a change-tracking format.
  */
  inserted: t(),
  /**
  Deleted text.
  */
  deleted: t(),
  /**
  Changed text.
  */
  changed: t(),
  /**
  An invalid or unsyntactic element.
  */
  invalid: t(),
  /**
  Metadata or meta-instruction.
  */
  meta,
  /**
  [Metadata](#highlight.tags.meta) that applies to the entire
  document.
  */
  documentMeta: t(meta),
  /**
  [Metadata](#highlight.tags.meta) that annotates or adds
  attributes to a given syntactic element.
  */
  annotation: t(meta),
  /**
  Processing instruction or preprocessor directive. Subtag of
  [meta](#highlight.tags.meta).
  */
  processingInstruction: t(meta),
  /**
  [Modifier](#highlight.Tag^defineModifier) that indicates that a
  given element is being defined. Expected to be used with the
  various [name](#highlight.tags.name) tags.
  */
  definition: Tag.defineModifier("definition"),
  /**
  [Modifier](#highlight.Tag^defineModifier) that indicates that
  something is constant. Mostly expected to be used with
  [variable names](#highlight.tags.variableName).
  */
  constant: Tag.defineModifier("constant"),
  /**
  [Modifier](#highlight.Tag^defineModifier) used to indicate that
  a [variable](#highlight.tags.variableName) or [property
  name](#highlight.tags.propertyName) is being called or defined
  as a function.
  */
  function: Tag.defineModifier("function"),
  /**
  [Modifier](#highlight.Tag^defineModifier) that can be applied to
  [names](#highlight.tags.name) to indicate that they belong to
  the language's standard environment.
  */
  standard: Tag.defineModifier("standard"),
  /**
  [Modifier](#highlight.Tag^defineModifier) that indicates a given
  [names](#highlight.tags.name) is local to some scope.
  */
  local: Tag.defineModifier("local"),
  /**
  A generic variant [modifier](#highlight.Tag^defineModifier) that
  can be used to tag language-specific alternative variants of
  some common tag. It is recommended for themes to define special
  forms of at least the [string](#highlight.tags.string) and
  [variable name](#highlight.tags.variableName) tags, since those
  come up a lot.
  */
  special: Tag.defineModifier("special")
};
for (let name2 in tags) {
  let val = tags[name2];
  if (val instanceof Tag)
    val.name = name2;
}
var classHighlighter = tagHighlighter([
  { tag: tags.link, class: "tok-link" },
  { tag: tags.heading, class: "tok-heading" },
  { tag: tags.emphasis, class: "tok-emphasis" },
  { tag: tags.strong, class: "tok-strong" },
  { tag: tags.keyword, class: "tok-keyword" },
  { tag: tags.atom, class: "tok-atom" },
  { tag: tags.bool, class: "tok-bool" },
  { tag: tags.url, class: "tok-url" },
  { tag: tags.labelName, class: "tok-labelName" },
  { tag: tags.inserted, class: "tok-inserted" },
  { tag: tags.deleted, class: "tok-deleted" },
  { tag: tags.literal, class: "tok-literal" },
  { tag: tags.string, class: "tok-string" },
  { tag: tags.number, class: "tok-number" },
  { tag: [tags.regexp, tags.escape, tags.special(tags.string)], class: "tok-string2" },
  { tag: tags.variableName, class: "tok-variableName" },
  { tag: tags.local(tags.variableName), class: "tok-variableName tok-local" },
  { tag: tags.definition(tags.variableName), class: "tok-variableName tok-definition" },
  { tag: tags.special(tags.variableName), class: "tok-variableName2" },
  { tag: tags.definition(tags.propertyName), class: "tok-propertyName tok-definition" },
  { tag: tags.typeName, class: "tok-typeName" },
  { tag: tags.namespace, class: "tok-namespace" },
  { tag: tags.className, class: "tok-className" },
  { tag: tags.macroName, class: "tok-macroName" },
  { tag: tags.propertyName, class: "tok-propertyName" },
  { tag: tags.operator, class: "tok-operator" },
  { tag: tags.comment, class: "tok-comment" },
  { tag: tags.meta, class: "tok-meta" },
  { tag: tags.invalid, class: "tok-invalid" },
  { tag: tags.punctuation, class: "tok-punctuation" }
]);

// node_modules/@lezer/python/dist/index.js
var printKeyword = 1;
var indent = 194;
var dedent = 195;
var newline$1 = 196;
var blankLineStart = 197;
var newlineBracketed = 198;
var eof = 199;
var stringContent = 200;
var Escape = 2;
var replacementStart = 3;
var stringEnd = 201;
var ParenL = 24;
var ParenthesizedExpression = 25;
var TupleExpression = 49;
var ComprehensionExpression = 50;
var BracketL = 55;
var ArrayExpression = 56;
var ArrayComprehensionExpression = 57;
var BraceL = 59;
var DictionaryExpression = 60;
var DictionaryComprehensionExpression = 61;
var SetExpression = 62;
var SetComprehensionExpression = 63;
var ArgList = 65;
var subscript = 238;
var String$1 = 71;
var stringStart = 241;
var stringStartD = 242;
var stringStartL = 243;
var stringStartLD = 244;
var stringStartR = 245;
var stringStartRD = 246;
var stringStartRL = 247;
var stringStartRLD = 248;
var FormatString = 72;
var stringStartF = 249;
var stringStartFD = 250;
var stringStartFL = 251;
var stringStartFLD = 252;
var stringStartFR = 253;
var stringStartFRD = 254;
var stringStartFRL = 255;
var stringStartFRLD = 256;
var FormatReplacement = 73;
var nestedFormatReplacement = 77;
var importList = 263;
var TypeParamList = 112;
var ParamList = 130;
var SequencePattern = 151;
var MappingPattern = 152;
var PatternArgList = 155;
var newline = 10;
var carriageReturn = 13;
var space = 32;
var tab = 9;
var hash = 35;
var parenOpen = 40;
var dot = 46;
var braceOpen = 123;
var braceClose = 125;
var singleQuote = 39;
var doubleQuote = 34;
var backslash = 92;
var letter_o = 111;
var letter_x = 120;
var letter_N = 78;
var letter_u = 117;
var letter_U = 85;
var bracketed = /* @__PURE__ */ new Set([
  ParenthesizedExpression,
  TupleExpression,
  ComprehensionExpression,
  importList,
  ArgList,
  ParamList,
  ArrayExpression,
  ArrayComprehensionExpression,
  subscript,
  SetExpression,
  SetComprehensionExpression,
  FormatString,
  FormatReplacement,
  nestedFormatReplacement,
  DictionaryExpression,
  DictionaryComprehensionExpression,
  SequencePattern,
  MappingPattern,
  PatternArgList,
  TypeParamList
]);
function isLineBreak(ch) {
  return ch == newline || ch == carriageReturn;
}
function isHex(ch) {
  return ch >= 48 && ch <= 57 || ch >= 65 && ch <= 70 || ch >= 97 && ch <= 102;
}
var newlines = new ExternalTokenizer((input, stack) => {
  let prev;
  if (input.next < 0) {
    input.acceptToken(eof);
  } else if (stack.context.flags & cx_Bracketed) {
    if (isLineBreak(input.next)) input.acceptToken(newlineBracketed, 1);
  } else if (((prev = input.peek(-1)) < 0 || isLineBreak(prev)) && stack.canShift(blankLineStart)) {
    let spaces = 0;
    while (input.next == space || input.next == tab) {
      input.advance();
      spaces++;
    }
    if (input.next == newline || input.next == carriageReturn || input.next == hash)
      input.acceptToken(blankLineStart, -spaces);
  } else if (isLineBreak(input.next)) {
    input.acceptToken(newline$1, 1);
  }
}, { contextual: true });
var indentation = new ExternalTokenizer((input, stack) => {
  let context = stack.context;
  if (context.flags) return;
  let prev = input.peek(-1);
  if (prev == newline || prev == carriageReturn) {
    let depth = 0, chars = 0;
    for (; ; ) {
      if (input.next == space) depth++;
      else if (input.next == tab) depth += 8 - depth % 8;
      else break;
      input.advance();
      chars++;
    }
    if (depth != context.indent && input.next != newline && input.next != carriageReturn && input.next != hash) {
      if (depth < context.indent) input.acceptToken(dedent, -chars);
      else input.acceptToken(indent);
    }
  }
});
var cx_Bracketed = 1;
var cx_String = 2;
var cx_DoubleQuote = 4;
var cx_Long = 8;
var cx_Raw = 16;
var cx_Format = 32;
function Context(parent, indent2, flags) {
  this.parent = parent;
  this.indent = indent2;
  this.flags = flags;
  this.hash = (parent ? parent.hash + parent.hash << 8 : 0) + indent2 + (indent2 << 4) + flags + (flags << 6);
}
var topIndent = new Context(null, 0, 0);
function countIndent(space2) {
  let depth = 0;
  for (let i = 0; i < space2.length; i++)
    depth += space2.charCodeAt(i) == tab ? 8 - depth % 8 : 1;
  return depth;
}
var stringFlags = new Map([
  [stringStart, 0],
  [stringStartD, cx_DoubleQuote],
  [stringStartL, cx_Long],
  [stringStartLD, cx_Long | cx_DoubleQuote],
  [stringStartR, cx_Raw],
  [stringStartRD, cx_Raw | cx_DoubleQuote],
  [stringStartRL, cx_Raw | cx_Long],
  [stringStartRLD, cx_Raw | cx_Long | cx_DoubleQuote],
  [stringStartF, cx_Format],
  [stringStartFD, cx_Format | cx_DoubleQuote],
  [stringStartFL, cx_Format | cx_Long],
  [stringStartFLD, cx_Format | cx_Long | cx_DoubleQuote],
  [stringStartFR, cx_Format | cx_Raw],
  [stringStartFRD, cx_Format | cx_Raw | cx_DoubleQuote],
  [stringStartFRL, cx_Format | cx_Raw | cx_Long],
  [stringStartFRLD, cx_Format | cx_Raw | cx_Long | cx_DoubleQuote]
].map(([term, flags]) => [term, flags | cx_String]));
var trackIndent = new ContextTracker({
  start: topIndent,
  reduce(context, term, _, input) {
    if (context.flags & cx_Bracketed && bracketed.has(term) || (term == String$1 || term == FormatString) && context.flags & cx_String)
      return context.parent;
    return context;
  },
  shift(context, term, stack, input) {
    if (term == indent)
      return new Context(context, countIndent(input.read(input.pos, stack.pos)), 0);
    if (term == dedent)
      return context.parent;
    if (term == ParenL || term == BracketL || term == BraceL || term == replacementStart)
      return new Context(context, 0, cx_Bracketed);
    if (stringFlags.has(term))
      return new Context(context, 0, stringFlags.get(term) | context.flags & cx_Bracketed);
    return context;
  },
  hash(context) {
    return context.hash;
  }
});
var legacyPrint = new ExternalTokenizer((input) => {
  for (let i = 0; i < 5; i++) {
    if (input.next != "print".charCodeAt(i)) return;
    input.advance();
  }
  if (/\w/.test(String.fromCharCode(input.next))) return;
  for (let off = 0; ; off++) {
    let next = input.peek(off);
    if (next == space || next == tab) continue;
    if (next != parenOpen && next != dot && next != newline && next != carriageReturn && next != hash)
      input.acceptToken(printKeyword);
    return;
  }
});
var strings = new ExternalTokenizer((input, stack) => {
  let { flags } = stack.context;
  let quote = flags & cx_DoubleQuote ? doubleQuote : singleQuote;
  let long = (flags & cx_Long) > 0;
  let escapes = !(flags & cx_Raw);
  let format = (flags & cx_Format) > 0;
  let start = input.pos;
  for (; ; ) {
    if (input.next < 0) {
      break;
    } else if (format && input.next == braceOpen) {
      if (input.peek(1) == braceOpen) {
        input.advance(2);
      } else {
        if (input.pos == start) {
          input.acceptToken(replacementStart, 1);
          return;
        }
        break;
      }
    } else if (escapes && input.next == backslash) {
      if (input.pos == start) {
        input.advance();
        let escaped = input.next;
        if (escaped >= 0) {
          input.advance();
          skipEscape(input, escaped);
        }
        input.acceptToken(Escape);
        return;
      }
      break;
    } else if (input.next == backslash && !escapes && input.peek(1) > -1) {
      input.advance(2);
    } else if (input.next == quote && (!long || input.peek(1) == quote && input.peek(2) == quote)) {
      if (input.pos == start) {
        input.acceptToken(stringEnd, long ? 3 : 1);
        return;
      }
      break;
    } else if (input.next == newline) {
      if (long) {
        input.advance();
      } else if (input.pos == start) {
        input.acceptToken(stringEnd);
        return;
      }
      break;
    } else {
      input.advance();
    }
  }
  if (input.pos > start) input.acceptToken(stringContent);
});
function skipEscape(input, ch) {
  if (ch == letter_o) {
    for (let i = 0; i < 2 && input.next >= 48 && input.next <= 55; i++) input.advance();
  } else if (ch == letter_x) {
    for (let i = 0; i < 2 && isHex(input.next); i++) input.advance();
  } else if (ch == letter_u) {
    for (let i = 0; i < 4 && isHex(input.next); i++) input.advance();
  } else if (ch == letter_U) {
    for (let i = 0; i < 8 && isHex(input.next); i++) input.advance();
  } else if (ch == letter_N) {
    if (input.next == braceOpen) {
      input.advance();
      while (input.next >= 0 && input.next != braceClose && input.next != singleQuote && input.next != doubleQuote && input.next != newline) input.advance();
      if (input.next == braceClose) input.advance();
    }
  }
}
var pythonHighlighting = styleTags({
  'async "*" "**" FormatConversion FormatSpec': tags.modifier,
  "for while if elif else try except finally return raise break continue with pass assert await yield match case": tags.controlKeyword,
  "in not and or is del": tags.operatorKeyword,
  "from def class global nonlocal lambda": tags.definitionKeyword,
  import: tags.moduleKeyword,
  "with as print": tags.keyword,
  Boolean: tags.bool,
  None: tags.null,
  VariableName: tags.variableName,
  "CallExpression/VariableName": tags.function(tags.variableName),
  "FunctionDefinition/VariableName": tags.function(tags.definition(tags.variableName)),
  "ClassDefinition/VariableName": tags.definition(tags.className),
  PropertyName: tags.propertyName,
  "CallExpression/MemberExpression/PropertyName": tags.function(tags.propertyName),
  Comment: tags.lineComment,
  Number: tags.number,
  String: tags.string,
  FormatString: tags.special(tags.string),
  Escape: tags.escape,
  UpdateOp: tags.updateOperator,
  "ArithOp!": tags.arithmeticOperator,
  BitOp: tags.bitwiseOperator,
  CompareOp: tags.compareOperator,
  AssignOp: tags.definitionOperator,
  Ellipsis: tags.punctuation,
  At: tags.meta,
  "( )": tags.paren,
  "[ ]": tags.squareBracket,
  "{ }": tags.brace,
  ".": tags.derefOperator,
  ", ;": tags.separator
});
var spec_identifier = { __proto__: null, await: 44, or: 54, and: 56, in: 60, not: 62, is: 64, if: 70, else: 72, lambda: 76, yield: 94, from: 96, async: 102, for: 104, None: 162, True: 164, False: 164, del: 178, pass: 182, break: 186, continue: 190, return: 194, raise: 202, import: 206, as: 208, global: 212, nonlocal: 214, assert: 218, type: 223, elif: 236, while: 240, try: 246, except: 248, finally: 250, with: 254, def: 258, class: 268, match: 279, case: 285 };
var parser = LRParser.deserialize({
  version: 14,
  states: "##jQ`QeOOP$}OSOOO&WQtO'#HUOOQS'#Co'#CoOOQS'#Cp'#CpO'vQdO'#CnO*UQtO'#HTOOQS'#HU'#HUOOQS'#DU'#DUOOQS'#HT'#HTO*rQdO'#D_O+VQdO'#DfO+gQdO'#DjO+zOWO'#DuO,VOWO'#DvO.[QtO'#GuOOQS'#Gu'#GuO'vQdO'#GtO0ZQtO'#GtOOQS'#Eb'#EbO0rQdO'#EcOOQS'#Gs'#GsO0|QdO'#GrOOQV'#Gr'#GrO1XQdO'#FYOOQS'#G^'#G^O1^QdO'#FXOOQV'#IS'#ISOOQV'#Gq'#GqOOQV'#Fq'#FqQ`QeOOO'vQdO'#CqO1lQdO'#C}O1sQdO'#DRO2RQdO'#HYO2cQtO'#EVO'vQdO'#EWOOQS'#EY'#EYOOQS'#E['#E[OOQS'#E^'#E^O2wQdO'#E`O3_QdO'#EdO3rQdO'#EfO3zQtO'#EfO1XQdO'#EiO0rQdO'#ElO1XQdO'#EnO0rQdO'#EtO0rQdO'#EwO4VQdO'#EyO4^QdO'#FOO4iQdO'#EzO0rQdO'#FOO1XQdO'#FQO1XQdO'#FVO4nQdO'#F[P4uOdO'#GpPOOO)CBd)CBdOOQS'#Ce'#CeOOQS'#Cf'#CfOOQS'#Cg'#CgOOQS'#Ch'#ChOOQS'#Ci'#CiOOQS'#Cj'#CjOOQS'#Cl'#ClO'vQdO,59OO'vQdO,59OO'vQdO,59OO'vQdO,59OO'vQdO,59OO'vQdO,59OO5TQdO'#DoOOQS,5:Y,5:YO5hQdO'#HdOOQS,5:],5:]O5uQ!fO,5:]O5zQtO,59YO1lQdO,59bO1lQdO,59bO1lQdO,59bO8jQdO,59bO8oQdO,59bO8vQdO,59jO8}QdO'#HTO:TQdO'#HSOOQS'#HS'#HSOOQS'#D['#D[O:lQdO,59aO'vQdO,59aO:zQdO,59aOOQS,59y,59yO;PQdO,5:RO'vQdO,5:ROOQS,5:Q,5:QO;_QdO,5:QO;dQdO,5:XO'vQdO,5:XO'vQdO,5:VOOQS,5:U,5:UO;uQdO,5:UO;zQdO,5:WOOOW'#Fy'#FyO<POWO,5:aOOQS,5:a,5:aO<[QdO'#HwOOOW'#Dw'#DwOOOW'#Fz'#FzO<lOWO,5:bOOQS,5:b,5:bOOQS'#F}'#F}O<zQtO,5:iO?lQtO,5=`O@VQ#xO,5=`O@vQtO,5=`OOQS,5:},5:}OA_QeO'#GWOBqQdO,5;^OOQV,5=^,5=^OB|QtO'#IPOCkQdO,5;tOOQS-E:[-E:[OOQV,5;s,5;sO4dQdO'#FQOOQV-E9o-E9oOCsQtO,59]OEzQtO,59iOFeQdO'#HVOFpQdO'#HVO1XQdO'#HVOF{QdO'#DTOGTQdO,59mOGYQdO'#HZO'vQdO'#HZO0rQdO,5=tOOQS,5=t,5=tO0rQdO'#EROOQS'#ES'#ESOGwQdO'#GPOHXQdO,58|OHXQdO,58|O*xQdO,5:oOHgQtO'#H]OOQS,5:r,5:rOOQS,5:z,5:zOHzQdO,5;OOI]QdO'#IOO1XQdO'#H}OOQS,5;Q,5;QOOQS'#GT'#GTOIqQtO,5;QOJPQdO,5;QOJUQdO'#IQOOQS,5;T,5;TOJdQdO'#H|OOQS,5;W,5;WOJuQdO,5;YO4iQdO,5;`O4iQdO,5;cOJ}QtO'#ITO'vQdO'#ITOKXQdO,5;eO4VQdO,5;eO0rQdO,5;jO1XQdO,5;lOK^QeO'#EuOLjQgO,5;fO!!kQdO'#IUO4iQdO,5;jO!!vQdO,5;lO!#OQdO,5;qO!#ZQtO,5;vO'vQdO,5;vPOOO,5=[,5=[P!#bOSO,5=[P!#jOdO,5=[O!&bQtO1G.jO!&iQtO1G.jO!)YQtO1G.jO!)dQtO1G.jO!+}QtO1G.jO!,bQtO1G.jO!,uQdO'#HcO!-TQtO'#GuO0rQdO'#HcO!-_QdO'#HbOOQS,5:Z,5:ZO!-gQdO,5:ZO!-lQdO'#HeO!-wQdO'#HeO!.[QdO,5>OOOQS'#Ds'#DsOOQS1G/w1G/wOOQS1G.|1G.|O!/[QtO1G.|O!/cQtO1G.|O1lQdO1G.|O!0OQdO1G/UOOQS'#DZ'#DZO0rQdO,59tOOQS1G.{1G.{O!0VQdO1G/eO!0gQdO1G/eO!0oQdO1G/fO'vQdO'#H[O!0tQdO'#H[O!0yQtO1G.{O!1ZQdO,59iO!2aQdO,5=zO!2qQdO,5=zO!2yQdO1G/mO!3OQtO1G/mOOQS1G/l1G/lO!3`QdO,5=uO!4VQdO,5=uO0rQdO1G/qO!4tQdO1G/sO!4yQtO1G/sO!5ZQtO1G/qOOQS1G/p1G/pOOQS1G/r1G/rOOOW-E9w-E9wOOQS1G/{1G/{O!5kQdO'#HxO0rQdO'#HxO!5|QdO,5>cOOOW-E9x-E9xOOQS1G/|1G/|OOQS-E9{-E9{O!6[Q#xO1G2zO!6{QtO1G2zO'vQdO,5<jOOQS,5<j,5<jOOQS-E9|-E9|OOQS,5<r,5<rOOQS-E:U-E:UOOQV1G0x1G0xO1XQdO'#GRO!7dQtO,5>kOOQS1G1`1G1`O!8RQdO1G1`OOQS'#DV'#DVO0rQdO,5=qOOQS,5=q,5=qO!8WQdO'#FrO!8cQdO,59oO!8kQdO1G/XO!8uQtO,5=uOOQS1G3`1G3`OOQS,5:m,5:mO!9fQdO'#GtOOQS,5<k,5<kOOQS-E9}-E9}O!9wQdO1G.hOOQS1G0Z1G0ZO!:VQdO,5=wO!:gQdO,5=wO0rQdO1G0jO0rQdO1G0jO!:xQdO,5>jO!;ZQdO,5>jO1XQdO,5>jO!;lQdO,5>iOOQS-E:R-E:RO!;qQdO1G0lO!;|QdO1G0lO!<RQdO,5>lO!<aQdO,5>lO!<oQdO,5>hO!=VQdO,5>hO!=hQdO'#EpO0rQdO1G0tO!=sQdO1G0tO!=xQgO1G0zO!AvQgO1G0}O!EqQdO,5>oO!E{QdO,5>oO!FTQtO,5>oO0rQdO1G1PO!F_QdO1G1PO4iQdO1G1UO!!vQdO1G1WOOQV,5;a,5;aO!FdQfO,5;aO!FiQgO1G1QO!JjQdO'#GZO4iQdO1G1QO4iQdO1G1QO!JzQdO,5>pO!KXQdO,5>pO1XQdO,5>pOOQV1G1U1G1UO!KaQdO'#FSO!KrQ!fO1G1WO!KzQdO1G1WOOQV1G1]1G1]O4iQdO1G1]O!LPQdO1G1]O!LXQdO'#F^OOQV1G1b1G1bO!#ZQtO1G1bPOOO1G2v1G2vP!L^OSO1G2vOOQS,5=},5=}OOQS'#Dp'#DpO0rQdO,5=}O!LfQdO,5=|O!LyQdO,5=|OOQS1G/u1G/uO!MRQdO,5>PO!McQdO,5>PO!MkQdO,5>PO!NOQdO,5>PO!N`QdO,5>POOQS1G3j1G3jOOQS7+$h7+$hO!8kQdO7+$pO#!RQdO1G.|O#!YQdO1G.|OOQS1G/`1G/`OOQS,5<`,5<`O'vQdO,5<`OOQS7+%P7+%PO#!aQdO7+%POOQS-E9r-E9rOOQS7+%Q7+%QO#!qQdO,5=vO'vQdO,5=vOOQS7+$g7+$gO#!vQdO7+%PO##OQdO7+%QO##TQdO1G3fOOQS7+%X7+%XO##eQdO1G3fO##mQdO7+%XOOQS,5<_,5<_O'vQdO,5<_O##rQdO1G3aOOQS-E9q-E9qO#$iQdO7+%]OOQS7+%_7+%_O#$wQdO1G3aO#%fQdO7+%_O#%kQdO1G3gO#%{QdO1G3gO#&TQdO7+%]O#&YQdO,5>dO#&sQdO,5>dO#&sQdO,5>dOOQS'#Dx'#DxO#'UO&jO'#DzO#'aO`O'#HyOOOW1G3}1G3}O#'fQdO1G3}O#'nQdO1G3}O#'yQ#xO7+(fO#(jQtO1G2UP#)TQdO'#GOOOQS,5<m,5<mOOQS-E:P-E:POOQS7+&z7+&zOOQS1G3]1G3]OOQS,5<^,5<^OOQS-E9p-E9pOOQS7+$s7+$sO#)bQdO,5=`O#){QdO,5=`O#*^QtO,5<aO#*qQdO1G3cOOQS-E9s-E9sOOQS7+&U7+&UO#+RQdO7+&UO#+aQdO,5<nO#+uQdO1G4UOOQS-E:Q-E:QO#,WQdO1G4UOOQS1G4T1G4TOOQS7+&W7+&WO#,iQdO7+&WOOQS,5<p,5<pO#,tQdO1G4WOOQS-E:S-E:SOOQS,5<l,5<lO#-SQdO1G4SOOQS-E:O-E:OO1XQdO'#EqO#-jQdO'#EqO#-uQdO'#IRO#-}QdO,5;[OOQS7+&`7+&`O0rQdO7+&`O#.SQgO7+&fO!JmQdO'#GXO4iQdO7+&fO4iQdO7+&iO#2QQtO,5<tO'vQdO,5<tO#2[QdO1G4ZOOQS-E:W-E:WO#2fQdO1G4ZO4iQdO7+&kO0rQdO7+&kOOQV7+&p7+&pO!KrQ!fO7+&rO!KzQdO7+&rO`QeO1G0{OOQV-E:X-E:XO4iQdO7+&lO4iQdO7+&lOOQV,5<u,5<uO#2nQdO,5<uO!JmQdO,5<uOOQV7+&l7+&lO#2yQgO7+&lO#6tQdO,5<vO#7PQdO1G4[OOQS-E:Y-E:YO#7^QdO1G4[O#7fQdO'#IWO#7tQdO'#IWO1XQdO'#IWOOQS'#IW'#IWO#8PQdO'#IVOOQS,5;n,5;nO#8XQdO,5;nO0rQdO'#FUOOQV7+&r7+&rO4iQdO7+&rOOQV7+&w7+&wO4iQdO7+&wO#8^QfO,5;xOOQV7+&|7+&|POOO7+(b7+(bO#8cQdO1G3iOOQS,5<c,5<cO#8qQdO1G3hOOQS-E9u-E9uO#9UQdO,5<dO#9aQdO,5<dO#9tQdO1G3kOOQS-E9v-E9vO#:UQdO1G3kO#:^QdO1G3kO#:nQdO1G3kO#:UQdO1G3kOOQS<<H[<<H[O#:yQtO1G1zOOQS<<Hk<<HkP#;WQdO'#FtO8vQdO1G3bO#;eQdO1G3bO#;jQdO<<HkOOQS<<Hl<<HlO#;zQdO7+)QOOQS<<Hs<<HsO#<[QtO1G1yP#<{QdO'#FsO#=YQdO7+)RO#=jQdO7+)RO#=rQdO<<HwO#=wQdO7+({OOQS<<Hy<<HyO#>nQdO,5<bO'vQdO,5<bOOQS-E9t-E9tOOQS<<Hw<<HwOOQS,5<g,5<gO0rQdO,5<gO#>sQdO1G4OOOQS-E9y-E9yO#?^QdO1G4OO<[QdO'#H{OOOO'#D{'#D{OOOO'#F|'#F|O#?oO&jO,5:fOOOW,5>e,5>eOOOW7+)i7+)iO#?zQdO7+)iO#@SQdO1G2zO#@mQdO1G2zP'vQdO'#FuO0rQdO<<IpO1XQdO1G2YP1XQdO'#GSO#AOQdO7+)pO#AaQdO7+)pOOQS<<Ir<<IrP1XQdO'#GUP0rQdO'#GQOOQS,5;],5;]O#ArQdO,5>mO#BQQdO,5>mOOQS1G0v1G0vOOQS<<Iz<<IzOOQV-E:V-E:VO4iQdO<<JQOOQV,5<s,5<sO4iQdO,5<sOOQV<<JQ<<JQOOQV<<JT<<JTO#BYQtO1G2`P#BdQdO'#GYO#BkQdO7+)uO#BuQgO<<JVO4iQdO<<JVOOQV<<J^<<J^O4iQdO<<J^O!KrQ!fO<<J^O#FpQgO7+&gOOQV<<JW<<JWO#FzQgO<<JWOOQV1G2a1G2aO1XQdO1G2aO#JuQdO1G2aO4iQdO<<JWO1XQdO1G2bP0rQdO'#G[O#KQQdO7+)vO#K_QdO7+)vOOQS'#FT'#FTO0rQdO,5>rO#KgQdO,5>rO#KrQdO,5>rO#K}QdO,5>qO#L`QdO,5>qOOQS1G1Y1G1YOOQS,5;p,5;pOOQV<<Jc<<JcO#LhQdO1G1dOOQS7+)T7+)TP#LmQdO'#FwO#L}QdO1G2OO#MbQdO1G2OO#MrQdO1G2OP#M}QdO'#FxO#N[QdO7+)VO#NlQdO7+)VO#NlQdO7+)VO#NtQdO7+)VO$ UQdO7+(|O8vQdO7+(|OOQSAN>VAN>VO$ oQdO<<LmOOQSAN>cAN>cO0rQdO1G1|O$!PQtO1G1|P$!ZQdO'#FvOOQS1G2R1G2RP$!hQdO'#F{O$!uQdO7+)jO$#`QdO,5>gOOOO-E9z-E9zOOOW<<MT<<MTO$#nQdO7+(fOOQSAN?[AN?[OOQS7+'t7+'tO$$XQdO<<M[OOQS,5<q,5<qO$$jQdO1G4XOOQS-E:T-E:TOOQVAN?lAN?lOOQV1G2_1G2_O4iQdOAN?qO$$xQgOAN?qOOQVAN?xAN?xO4iQdOAN?xOOQV<<JR<<JRO4iQdOAN?rO4iQdO7+'{OOQV7+'{7+'{O1XQdO7+'{OOQVAN?rAN?rOOQS7+'|7+'|O$(sQdO<<MbOOQS1G4^1G4^O0rQdO1G4^OOQS,5<w,5<wO$)QQdO1G4]OOQS-E:Z-E:ZOOQU'#G_'#G_O$)cQfO7+'OO$)nQdO'#F_O$*uQdO7+'jO$+VQdO7+'jOOQS7+'j7+'jO$+bQdO<<LqO$+rQdO<<LqO$+rQdO<<LqO$+zQdO'#H^OOQS<<Lh<<LhO$,UQdO<<LhOOQS7+'h7+'hOOQS'#D|'#D|OOOO1G4R1G4RO$,oQdO1G4RO$,wQdO1G4RP!=hQdO'#GVOOQVG25]G25]O4iQdOG25]OOQVG25dG25dOOQVG25^G25^OOQV<<Kg<<KgO4iQdO<<KgOOQS7+)x7+)xP$-SQdO'#G]OOQU-E:]-E:]OOQV<<Jj<<JjO$-vQtO'#FaOOQS'#Fc'#FcO$.WQdO'#FbO$.xQdO'#FbOOQS'#Fb'#FbO$.}QdO'#IYO$)nQdO'#FiO$)nQdO'#FiO$/fQdO'#FjO$)nQdO'#FkO$/mQdO'#IZOOQS'#IZ'#IZO$0[QdO,5;yOOQS<<KU<<KUO$0dQdO<<KUO$0tQdOANB]O$1UQdOANB]O$1^QdO'#H_OOQS'#H_'#H_O1sQdO'#DcO$1wQdO,5=xOOQSANBSANBSOOOO7+)m7+)mO$2`QdO7+)mOOQVLD*wLD*wOOQVANARANARO5uQ!fO'#GaO$2hQtO,5<SO$)nQdO'#FmOOQS,5<W,5<WOOQS'#Fd'#FdO$3YQdO,5;|O$3_QdO,5;|OOQS'#Fg'#FgO$)nQdO'#G`O$4PQdO,5<QO$4kQdO,5>tO$4{QdO,5>tO1XQdO,5<PO$5^QdO,5<TO$5cQdO,5<TO$)nQdO'#I[O$5hQdO'#I[O$5mQdO,5<UOOQS,5<V,5<VO0rQdO'#FpOOQU1G1e1G1eO4iQdO1G1eOOQSAN@pAN@pO$5rQdOG27wO$6SQdO,59}OOQS1G3d1G3dOOOO<<MX<<MXOOQS,5<{,5<{OOQS-E:_-E:_O$6XQtO'#FaO$6`QdO'#I]O$6nQdO'#I]O$6vQdO,5<XOOQS1G1h1G1hO$6{QdO1G1hO$7QQdO,5<zOOQS-E:^-E:^O$7lQdO,5=OO$8TQdO1G4`OOQS-E:b-E:bOOQS1G1k1G1kOOQS1G1o1G1oO$8eQdO,5>vO$)nQdO,5>vOOQS1G1p1G1pOOQS,5<[,5<[OOQU7+'P7+'PO$+zQdO1G/iO$)nQdO,5<YO$8sQdO,5>wO$8zQdO,5>wOOQS1G1s1G1sOOQS7+'S7+'SP$)nQdO'#GdO$9SQdO1G4bO$9^QdO1G4bO$9fQdO1G4bOOQS7+%T7+%TO$9tQdO1G1tO$:SQtO'#FaO$:ZQdO,5<}OOQS,5<},5<}O$:iQdO1G4cOOQS-E:a-E:aO$)nQdO,5<|O$:pQdO,5<|O$:uQdO7+)|OOQS-E:`-E:`O$;PQdO7+)|O$)nQdO,5<ZP$)nQdO'#GcO$;XQdO1G2hO$)nQdO1G2hP$;gQdO'#GbO$;nQdO<<MhO$;xQdO1G1uO$<WQdO7+(SO8vQdO'#C}O8vQdO,59bO8vQdO,59bO8vQdO,59bO$<fQtO,5=`O8vQdO1G.|O0rQdO1G/XO0rQdO7+$pP$<yQdO'#GOO'vQdO'#GtO$=WQdO,59bO$=]QdO,59bO$=dQdO,59mO$=iQdO1G/UO1sQdO'#DRO8vQdO,59j",
  stateData: "$>S~O%cOS%^OSSOS%]PQ~OPdOVaOfoOhYOopOs!POvqO!PrO!Q{O!T!SO!U!RO!XZO!][O!h`O!r`O!s`O!t`O!{tO!}uO#PvO#RwO#TxO#XyO#ZzO#^|O#_|O#a}O#c!OO#l!QO#o!TO#s!UO#u!VO#z!WO#}hO$P!XO%oRO%pRO%tSO%uWO&Z]O&[]O&]]O&^]O&_]O&`]O&a]O&b]O&c^O&d^O&e^O&f^O&g^O&h^O&i^O&j^O~O%]!YO~OV!aO_!aOa!bOh!iO!X!kO!f!mO%j![O%k!]O%l!^O%m!_O%n!_O%o!`O%p!`O%q!aO%r!aO%s!aO~Ok%xXl%xXm%xXn%xXo%xXp%xXs%xXz%xX{%xX!x%xX#g%xX%[%xX%_%xX%z%xXg%xX!T%xX!U%xX%{%xX!W%xX![%xX!Q%xX#[%xXt%xX!m%xX~P%SOfoOhYO!XZO!][O!h`O!r`O!s`O!t`O%oRO%pRO%tSO%uWO&Z]O&[]O&]]O&^]O&_]O&`]O&a]O&b]O&c^O&d^O&e^O&f^O&g^O&h^O&i^O&j^O~Oz%wX{%wX#g%wX%[%wX%_%wX%z%wX~Ok!pOl!qOm!oOn!oOo!rOp!sOs!tO!x%wX~P)pOV!zOg!|Oo0cOv0qO!PrO~P'vOV#OOo0cOv0qO!W#PO~P'vOV#SOa#TOo0cOv0qO![#UO~P'vOQ#XO%`#XO%a#ZO~OQ#^OR#[O%`#^O%a#`O~OV%iX_%iXa%iXh%iXk%iXl%iXm%iXn%iXo%iXp%iXs%iXz%iX!X%iX!f%iX%j%iX%k%iX%l%iX%m%iX%n%iX%o%iX%p%iX%q%iX%r%iX%s%iXg%iX!T%iX!U%iX~O&Z]O&[]O&]]O&^]O&_]O&`]O&a]O&b]O&c^O&d^O&e^O&f^O&g^O&h^O&i^O&j^O{%iX!x%iX#g%iX%[%iX%_%iX%z%iX%{%iX!W%iX![%iX!Q%iX#[%iXt%iX!m%iX~P,eOz#dO{%hX!x%hX#g%hX%[%hX%_%hX%z%hX~Oo0cOv0qO~P'vO#g#gO%[#iO%_#iO~O%uWO~O!T#nO#u!VO#z!WO#}hO~OopO~P'vOV#sOa#tO%uWO{wP~OV#xOo0cOv0qO!Q#yO~P'vO{#{O!x$QO%z#|O#g!yX%[!yX%_!yX~OV#xOo0cOv0qO#g#SX%[#SX%_#SX~P'vOo0cOv0qO#g#WX%[#WX%_#WX~P'vOh$WO%uWO~O!f$YO!r$YO%uWO~OV$eO~P'vO!U$gO#s$hO#u$iO~O{$jO~OV$qO~P'vOS$sO%[$rO%_$rO%c$tO~OV$}Oa$}Og%POo0cOv0qO~P'vOo0cOv0qO{%SO~P'vO&Y%UO~Oa!bOh!iO!X!kO!f!mOVba_bakbalbambanbaobapbasbazba{ba!xba#gba%[ba%_ba%jba%kba%lba%mba%nba%oba%pba%qba%rba%sba%zbagba!Tba!Uba%{ba!Wba![ba!Qba#[batba!mba~On%ZO~Oo%ZO~P'vOo0cO~P'vOk0eOl0fOm0dOn0dOo0mOp0nOs0rOg%wX!T%wX!U%wX%{%wX!W%wX![%wX!Q%wX#[%wX!m%wX~P)pO%{%]Og%vXz%vX!T%vX!U%vX!W%vX{%vX~Og%_Oz%`O!T%dO!U%cO~Og%_O~Oz%gO!T%dO!U%cO!W&SX~O!W%kO~Oz%lO{%nO!T%dO!U%cO![%}X~O![%rO~O![%sO~OQ#XO%`#XO%a%uO~OV%wOo0cOv0qO!PrO~P'vOQ#^OR#[O%`#^O%a%zO~OV!qa_!qaa!qah!qak!qal!qam!qan!qao!qap!qas!qaz!qa{!qa!X!qa!f!qa!x!qa#g!qa%[!qa%_!qa%j!qa%k!qa%l!qa%m!qa%n!qa%o!qa%p!qa%q!qa%r!qa%s!qa%z!qag!qa!T!qa!U!qa%{!qa!W!qa![!qa!Q!qa#[!qat!qa!m!qa~P#yOz%|O{%ha!x%ha#g%ha%[%ha%_%ha%z%ha~P%SOV&OOopOvqO{%ha!x%ha#g%ha%[%ha%_%ha%z%ha~P'vOz%|O{%ha!x%ha#g%ha%[%ha%_%ha%z%ha~OPdOVaOopOvqO!PrO!Q{O!{tO!}uO#PvO#RwO#TxO#XyO#ZzO#^|O#_|O#a}O#c!OO#g$zX%[$zX%_$zX~P'vO#g#gO%[&TO%_&TO~O!f&UOh&sX%[&sXz&sX#[&sX#g&sX%_&sX#Z&sXg&sX~Oh!iO%[&WO~Okealeameaneaoeapeaseazea{ea!xea#gea%[ea%_ea%zeagea!Tea!Uea%{ea!Wea![ea!Qea#[eatea!mea~P%SOsqazqa{qa#gqa%[qa%_qa%zqa~Ok!pOl!qOm!oOn!oOo!rOp!sO!xqa~PEcO%z&YOz%yX{%yX~O%uWOz%yX{%yX~Oz&]O{wX~O{&_O~Oz%lO#g%}X%[%}X%_%}Xg%}X{%}X![%}X!m%}X%z%}X~OV0lOo0cOv0qO!PrO~P'vO%z#|O#gUa%[Ua%_Ua~Oz&hO#g&PX%[&PX%_&PXn&PX~P%SOz&kO!Q&jO#g#Wa%[#Wa%_#Wa~Oz&lO#[&nO#g&rX%[&rX%_&rXg&rX~O!f$YO!r$YO#Z&qO%uWO~O#Z&qO~Oz&sO#g&tX%[&tX%_&tX~Oz&uO#g&pX%[&pX%_&pX{&pX~O!X&wO%z&xO~Oz&|On&wX~P%SOn'PO~OPdOVaOopOvqO!PrO!Q{O!{tO!}uO#PvO#RwO#TxO#XyO#ZzO#^|O#_|O#a}O#c!OO%['UO~P'vOt'YO#p'WO#q'XOP#naV#naf#nah#nao#nas#nav#na!P#na!Q#na!T#na!U#na!X#na!]#na!h#na!r#na!s#na!t#na!{#na!}#na#P#na#R#na#T#na#X#na#Z#na#^#na#_#na#a#na#c#na#l#na#o#na#s#na#u#na#z#na#}#na$P#na%X#na%o#na%p#na%t#na%u#na&Z#na&[#na&]#na&^#na&_#na&`#na&a#na&b#na&c#na&d#na&e#na&f#na&g#na&h#na&i#na&j#na%Z#na%_#na~Oz'ZO#[']O{&xX~Oh'_O!X&wO~Oh!iO{$jO!X&wO~O{'eO~P%SO%['hO%_'hO~OS'iO%['hO%_'hO~OV!aO_!aOa!bOh!iO!X!kO!f!mO%l!^O%m!_O%n!_O%o!`O%p!`O%q!aO%r!aO%s!aOkWilWimWinWioWipWisWizWi{Wi!xWi#gWi%[Wi%_Wi%jWi%zWigWi!TWi!UWi%{Wi!WWi![Wi!QWi#[WitWi!mWi~O%k!]O~P!#uO%kWi~P!#uOV!aO_!aOa!bOh!iO!X!kO!f!mO%o!`O%p!`O%q!aO%r!aO%s!aOkWilWimWinWioWipWisWizWi{Wi!xWi#gWi%[Wi%_Wi%jWi%kWi%lWi%zWigWi!TWi!UWi%{Wi!WWi![Wi!QWi#[WitWi!mWi~O%m!_O%n!_O~P!&pO%mWi%nWi~P!&pOa!bOh!iO!X!kO!f!mOkWilWimWinWioWipWisWizWi{Wi!xWi#gWi%[Wi%_Wi%jWi%kWi%lWi%mWi%nWi%oWi%pWi%zWigWi!TWi!UWi%{Wi!WWi![Wi!QWi#[WitWi!mWi~OV!aO_!aO%q!aO%r!aO%s!aO~P!)nOVWi_Wi%qWi%rWi%sWi~P!)nO!T%dO!U%cOg&VXz&VX~O%z'kO%{'kO~P,eOz'mOg&UX~Og'oO~Oz'pO{'rO!W&XX~Oo0cOv0qOz'pO{'sO!W&XX~P'vO!W'uO~Om!oOn!oOo!rOp!sOkjisjizji{ji!xji#gji%[ji%_ji%zji~Ol!qO~P!.aOlji~P!.aOk0eOl0fOm0dOn0dOo0mOp0nO~Ot'wO~P!/jOV'|Og'}Oo0cOv0qO~P'vOg'}Oz(OO~Og(QO~O!U(SO~Og(TOz(OO!T%dO!U%cO~P%SOk0eOl0fOm0dOn0dOo0mOp0nOgqa!Tqa!Uqa%{qa!Wqa![qa!Qqa#[qatqa!mqa~PEcOV'|Oo0cOv0qO!W&Sa~P'vOz(WO!W&Sa~O!W(XO~Oz(WO!T%dO!U%cO!W&Sa~P%SOV(]Oo0cOv0qO![%}a#g%}a%[%}a%_%}ag%}a{%}a!m%}a%z%}a~P'vOz(^O![%}a#g%}a%[%}a%_%}ag%}a{%}a!m%}a%z%}a~O![(aO~Oz(^O!T%dO!U%cO![%}a~P%SOz(dO!T%dO!U%cO![&Ta~P%SOz(gO{&lX![&lX!m&lX%z&lX~O{(kO![(mO!m(nO%z(jO~OV&OOopOvqO{%hi!x%hi#g%hi%[%hi%_%hi%z%hi~P'vOz(pO{%hi!x%hi#g%hi%[%hi%_%hi%z%hi~O!f&UOh&sa%[&saz&sa#[&sa#g&sa%_&sa#Z&sag&sa~O%[(uO~OV#sOa#tO%uWO~Oz&]O{wa~OopOvqO~P'vOz(^O#g%}a%[%}a%_%}ag%}a{%}a![%}a!m%}a%z%}a~P%SOz(zO#g%hX%[%hX%_%hX%z%hX~O%z#|O#gUi%[Ui%_Ui~O#g&Pa%[&Pa%_&Pan&Pa~P'vOz(}O#g&Pa%[&Pa%_&Pan&Pa~O%uWO#g&ra%[&ra%_&rag&ra~Oz)SO#g&ra%[&ra%_&rag&ra~Og)VO~OV)WOh$WO%uWO~O#Z)XO~O%uWO#g&ta%[&ta%_&ta~Oz)ZO#g&ta%[&ta%_&ta~Oo0cOv0qO#g&pa%[&pa%_&pa{&pa~P'vOz)^O#g&pa%[&pa%_&pa{&pa~OV)`Oa)`O%uWO~O%z)eO~Ot)hO#j)gOP#hiV#hif#hih#hio#his#hiv#hi!P#hi!Q#hi!T#hi!U#hi!X#hi!]#hi!h#hi!r#hi!s#hi!t#hi!{#hi!}#hi#P#hi#R#hi#T#hi#X#hi#Z#hi#^#hi#_#hi#a#hi#c#hi#l#hi#o#hi#s#hi#u#hi#z#hi#}#hi$P#hi%X#hi%o#hi%p#hi%t#hi%u#hi&Z#hi&[#hi&]#hi&^#hi&_#hi&`#hi&a#hi&b#hi&c#hi&d#hi&e#hi&f#hi&g#hi&h#hi&i#hi&j#hi%Z#hi%_#hi~Ot)iOP#kiV#kif#kih#kio#kis#kiv#ki!P#ki!Q#ki!T#ki!U#ki!X#ki!]#ki!h#ki!r#ki!s#ki!t#ki!{#ki!}#ki#P#ki#R#ki#T#ki#X#ki#Z#ki#^#ki#_#ki#a#ki#c#ki#l#ki#o#ki#s#ki#u#ki#z#ki#}#ki$P#ki%X#ki%o#ki%p#ki%t#ki%u#ki&Z#ki&[#ki&]#ki&^#ki&_#ki&`#ki&a#ki&b#ki&c#ki&d#ki&e#ki&f#ki&g#ki&h#ki&i#ki&j#ki%Z#ki%_#ki~OV)kOn&wa~P'vOz)lOn&wa~Oz)lOn&wa~P%SOn)pO~O%Y)tO~Ot)wO#p'WO#q)vOP#niV#nif#nih#nio#nis#niv#ni!P#ni!Q#ni!T#ni!U#ni!X#ni!]#ni!h#ni!r#ni!s#ni!t#ni!{#ni!}#ni#P#ni#R#ni#T#ni#X#ni#Z#ni#^#ni#_#ni#a#ni#c#ni#l#ni#o#ni#s#ni#u#ni#z#ni#}#ni$P#ni%X#ni%o#ni%p#ni%t#ni%u#ni&Z#ni&[#ni&]#ni&^#ni&_#ni&`#ni&a#ni&b#ni&c#ni&d#ni&e#ni&f#ni&g#ni&h#ni&i#ni&j#ni%Z#ni%_#ni~OV)zOo0cOv0qO{$jO~P'vOo0cOv0qO{&xa~P'vOz*OO{&xa~OV*SOa*TOg*WO%q*UO%uWO~O{$jO&{*YO~Oh'_O~Oh!iO{$jO~O%[*_O~O%[*aO%_*aO~OV$}Oa$}Oo0cOv0qOg&Ua~P'vOz*dOg&Ua~Oo0cOv0qO{*gO!W&Xa~P'vOz*hO!W&Xa~Oo0cOv0qOz*hO{*kO!W&Xa~P'vOo0cOv0qOz*hO!W&Xa~P'vOz*hO{*kO!W&Xa~Om0dOn0dOo0mOp0nOgjikjisjizji!Tji!Uji%{ji!Wji{ji![ji#gji%[ji%_ji!Qji#[jitji!mji%zji~Ol0fO~P!NkOlji~P!NkOV'|Og*pOo0cOv0qO~P'vOn*rO~Og*pOz*tO~Og*uO~OV'|Oo0cOv0qO!W&Si~P'vOz*vO!W&Si~O!W*wO~OV(]Oo0cOv0qO![%}i#g%}i%[%}i%_%}ig%}i{%}i!m%}i%z%}i~P'vOz*zO!T%dO!U%cO![&Ti~Oz*}O![%}i#g%}i%[%}i%_%}ig%}i{%}i!m%}i%z%}i~O![+OO~Oa+QOo0cOv0qO![&Ti~P'vOz*zO![&Ti~O![+SO~OV+UOo0cOv0qO{&la![&la!m&la%z&la~P'vOz+VO{&la![&la!m&la%z&la~O!]+YO&n+[O![!nX~O![+^O~O{(kO![+_O~O{(kO![+_O!m+`O~OV&OOopOvqO{%hq!x%hq#g%hq%[%hq%_%hq%z%hq~P'vOz$ri{$ri!x$ri#g$ri%[$ri%_$ri%z$ri~P%SOV&OOopOvqO~P'vOV&OOo0cOv0qO#g%ha%[%ha%_%ha%z%ha~P'vOz+aO#g%ha%[%ha%_%ha%z%ha~Oz$ia#g$ia%[$ia%_$ian$ia~P%SO#g&Pi%[&Pi%_&Pin&Pi~P'vOz+dO#g#Wq%[#Wq%_#Wq~O#[+eOz$va#g$va%[$va%_$vag$va~O%uWO#g&ri%[&ri%_&rig&ri~Oz+gO#g&ri%[&ri%_&rig&ri~OV+iOh$WO%uWO~O%uWO#g&ti%[&ti%_&ti~Oo0cOv0qO#g&pi%[&pi%_&pi{&pi~P'vO{#{Oz#eX!W#eX~Oz+mO!W&uX~O!W+oO~Ot+rO#j)gOP#hqV#hqf#hqh#hqo#hqs#hqv#hq!P#hq!Q#hq!T#hq!U#hq!X#hq!]#hq!h#hq!r#hq!s#hq!t#hq!{#hq!}#hq#P#hq#R#hq#T#hq#X#hq#Z#hq#^#hq#_#hq#a#hq#c#hq#l#hq#o#hq#s#hq#u#hq#z#hq#}#hq$P#hq%X#hq%o#hq%p#hq%t#hq%u#hq&Z#hq&[#hq&]#hq&^#hq&_#hq&`#hq&a#hq&b#hq&c#hq&d#hq&e#hq&f#hq&g#hq&h#hq&i#hq&j#hq%Z#hq%_#hq~On$|az$|a~P%SOV)kOn&wi~P'vOz+yOn&wi~Oz,TO{$jO#[,TO~O#q,VOP#nqV#nqf#nqh#nqo#nqs#nqv#nq!P#nq!Q#nq!T#nq!U#nq!X#nq!]#nq!h#nq!r#nq!s#nq!t#nq!{#nq!}#nq#P#nq#R#nq#T#nq#X#nq#Z#nq#^#nq#_#nq#a#nq#c#nq#l#nq#o#nq#s#nq#u#nq#z#nq#}#nq$P#nq%X#nq%o#nq%p#nq%t#nq%u#nq&Z#nq&[#nq&]#nq&^#nq&_#nq&`#nq&a#nq&b#nq&c#nq&d#nq&e#nq&f#nq&g#nq&h#nq&i#nq&j#nq%Z#nq%_#nq~O#[,WOz%Oa{%Oa~Oo0cOv0qO{&xi~P'vOz,YO{&xi~O{#{O%z,[Og&zXz&zX~O%uWOg&zXz&zX~Oz,`Og&yX~Og,bO~O%Y,eO~O!T%dO!U%cOg&Viz&Vi~OV$}Oa$}Oo0cOv0qOg&Ui~P'vO{,hOz$la!W$la~Oo0cOv0qO{,iOz$la!W$la~P'vOo0cOv0qO{*gO!W&Xi~P'vOz,lO!W&Xi~Oo0cOv0qOz,lO!W&Xi~P'vOz,lO{,oO!W&Xi~Og$hiz$hi!W$hi~P%SOV'|Oo0cOv0qO~P'vOn,qO~OV'|Og,rOo0cOv0qO~P'vOV'|Oo0cOv0qO!W&Sq~P'vOz$gi![$gi#g$gi%[$gi%_$gig$gi{$gi!m$gi%z$gi~P%SOV(]Oo0cOv0qO~P'vOa+QOo0cOv0qO![&Tq~P'vOz,sO![&Tq~O![,tO~OV(]Oo0cOv0qO![%}q#g%}q%[%}q%_%}qg%}q{%}q!m%}q%z%}q~P'vO{,uO~OV+UOo0cOv0qO{&li![&li!m&li%z&li~P'vOz,zO{&li![&li!m&li%z&li~O!]+YO&n+[O![!na~O{(kO![,}O~OV&OOo0cOv0qO#g%hi%[%hi%_%hi%z%hi~P'vOz-OO#g%hi%[%hi%_%hi%z%hi~O%uWO#g&rq%[&rq%_&rqg&rq~Oz-RO#g&rq%[&rq%_&rqg&rq~OV)`Oa)`O%uWO!W&ua~Oz-TO!W&ua~On$|iz$|i~P%SOV)kO~P'vOV)kOn&wq~P'vOt-XOP#myV#myf#myh#myo#mys#myv#my!P#my!Q#my!T#my!U#my!X#my!]#my!h#my!r#my!s#my!t#my!{#my!}#my#P#my#R#my#T#my#X#my#Z#my#^#my#_#my#a#my#c#my#l#my#o#my#s#my#u#my#z#my#}#my$P#my%X#my%o#my%p#my%t#my%u#my&Z#my&[#my&]#my&^#my&_#my&`#my&a#my&b#my&c#my&d#my&e#my&f#my&g#my&h#my&i#my&j#my%Z#my%_#my~O%Z-]O%_-]O~P`O#q-^OP#nyV#nyf#nyh#nyo#nys#nyv#ny!P#ny!Q#ny!T#ny!U#ny!X#ny!]#ny!h#ny!r#ny!s#ny!t#ny!{#ny!}#ny#P#ny#R#ny#T#ny#X#ny#Z#ny#^#ny#_#ny#a#ny#c#ny#l#ny#o#ny#s#ny#u#ny#z#ny#}#ny$P#ny%X#ny%o#ny%p#ny%t#ny%u#ny&Z#ny&[#ny&]#ny&^#ny&_#ny&`#ny&a#ny&b#ny&c#ny&d#ny&e#ny&f#ny&g#ny&h#ny&i#ny&j#ny%Z#ny%_#ny~Oz-aO{$jO#[-aO~Oo0cOv0qO{&xq~P'vOz-dO{&xq~O%z,[Og&zaz&za~O{#{Og&zaz&za~OV*SOa*TO%q*UO%uWOg&ya~Oz-hOg&ya~O$S-lO~OV$}Oa$}Oo0cOv0qO~P'vOo0cOv0qO{-mOz$li!W$li~P'vOo0cOv0qOz$li!W$li~P'vO{-mOz$li!W$li~Oo0cOv0qO{*gO~P'vOo0cOv0qO{*gO!W&Xq~P'vOz-pO!W&Xq~Oo0cOv0qOz-pO!W&Xq~P'vOs-sO!T%dO!U%cOg&Oq!W&Oq![&Oqz&Oq~P!/jOa+QOo0cOv0qO![&Ty~P'vOz$ji![$ji~P%SOa+QOo0cOv0qO~P'vOV+UOo0cOv0qO~P'vOV+UOo0cOv0qO{&lq![&lq!m&lq%z&lq~P'vO{(kO![-xO!m-yO%z-wO~OV&OOo0cOv0qO#g%hq%[%hq%_%hq%z%hq~P'vO%uWO#g&ry%[&ry%_&ryg&ry~OV)`Oa)`O%uWO!W&ui~Ot-}OP#m!RV#m!Rf#m!Rh#m!Ro#m!Rs#m!Rv#m!R!P#m!R!Q#m!R!T#m!R!U#m!R!X#m!R!]#m!R!h#m!R!r#m!R!s#m!R!t#m!R!{#m!R!}#m!R#P#m!R#R#m!R#T#m!R#X#m!R#Z#m!R#^#m!R#_#m!R#a#m!R#c#m!R#l#m!R#o#m!R#s#m!R#u#m!R#z#m!R#}#m!R$P#m!R%X#m!R%o#m!R%p#m!R%t#m!R%u#m!R&Z#m!R&[#m!R&]#m!R&^#m!R&_#m!R&`#m!R&a#m!R&b#m!R&c#m!R&d#m!R&e#m!R&f#m!R&g#m!R&h#m!R&i#m!R&j#m!R%Z#m!R%_#m!R~Oo0cOv0qO{&xy~P'vOV*SOa*TO%q*UO%uWOg&yi~O$S-lO%Z.VO%_.VO~OV.aOh._O!X.^O!].`O!h.YO!s.[O!t.[O%p.XO%uWO&Z]O&[]O&]]O&^]O&_]O&`]O&a]O&b]O~Oo0cOv0qOz$lq!W$lq~P'vO{.fOz$lq!W$lq~Oo0cOv0qO{*gO!W&Xy~P'vOz.gO!W&Xy~Oo0cOv.kO~P'vOs-sO!T%dO!U%cOg&Oy!W&Oy![&Oyz&Oy~P!/jO{(kO![.nO~O{(kO![.nO!m.oO~OV*SOa*TO%q*UO%uWO~Oh.tO!f.rOz$TX#[$TX%j$TXg$TX~Os$TX{$TX!W$TX![$TX~P$-bO%o.vO%p.vOs$UXz$UX{$UX#[$UX%j$UX!W$UXg$UX![$UX~O!h.xO~Oz.|O#[/OO%j.yOs&|X{&|X!W&|Xg&|X~Oa/RO~P$)zOh.tOs&}Xz&}X{&}X#[&}X%j&}X!W&}Xg&}X![&}X~Os/VO{$jO~Oo0cOv0qOz$ly!W$ly~P'vOo0cOv0qO{*gO!W&X!R~P'vOz/ZO!W&X!R~Og&RXs&RX!T&RX!U&RX!W&RX![&RXz&RX~P!/jOs-sO!T%dO!U%cOg&Qa!W&Qa![&Qaz&Qa~O{(kO![/^O~O!f.rOh$[as$[az$[a{$[a#[$[a%j$[a!W$[ag$[a![$[a~O!h/eO~O%o.vO%p.vOs$Uaz$Ua{$Ua#[$Ua%j$Ua!W$Uag$Ua![$Ua~O%j.yOs$Yaz$Ya{$Ya#[$Ya!W$Yag$Ya![$Ya~Os&|a{&|a!W&|ag&|a~P$)nOz/jOs&|a{&|a!W&|ag&|a~O!W/mO~Og/mO~O{/oO~O![/pO~Oo0cOv0qO{*gO!W&X!Z~P'vO{/sO~O%z/tO~P$-bOz/uO#[/OO%j.yOg'PX~Oz/uOg'PX~Og/wO~O!h/xO~O#[/OOs%Saz%Sa{%Sa%j%Sa!W%Sag%Sa![%Sa~O#[/OO%j.yOs%Waz%Wa{%Wa!W%Wag%Wa~Os&|i{&|i!W&|ig&|i~P$)nOz/zO#[/OO%j.yO!['Oa~Og'Pa~P$)nOz0SOg'Pa~Oa0UO!['Oi~P$)zOz0WO!['Oi~Oz0WO#[/OO%j.yO!['Oi~O#[/OO%j.yOg$biz$bi~O%z0ZO~P$-bO#[/OO%j.yOg%Vaz%Va~Og'Pi~P$)nO{0^O~Oa0UO!['Oq~P$)zOz0`O!['Oq~O#[/OO%j.yOz%Ui![%Ui~Oa0UO~P$)zOa0UO!['Oy~P$)zO#[/OO%j.yOg$ciz$ci~O#[/OO%j.yOz%Uq![%Uq~Oz+aO#g%ha%[%ha%_%ha%z%ha~P%SOV&OOo0cOv0qO~P'vOn0hO~Oo0hO~P'vO{0iO~Ot0jO~P!/jO&]&Z&j&h&i&g&f&d&e&c&b&`&a&_&^&[%u~",
  goto: "!=j'QPPPPPP'RP'Z*s+[+t,_,y-fP.SP'Z.r.r'ZPPP'Z2[PPPPPP2[5PPP5PP7b7k=sPP=v>h>kPP'Z'ZPP>zPP'Z'ZPP'Z'Z'Z'Z'Z?O?w'ZP?zP@QDXGuGyPG|HWH['ZPPPH_Hk'RP'R'RP'RP'RP'RP'RP'R'R'RP'RPP'RPP'RP'RPHqH}IVPI^IdPI^PI^I^PPPI^PKrPK{LVL]KrPI^LfPI^PLmLsPLwM]MzNeLwLwNkNxLwLwLwLw! ^! d! g! l! o! y!!P!!]!!o!!u!#P!#V!#s!#y!$P!$Z!$a!$g!$y!%T!%Z!%a!%k!%q!%w!%}!&T!&Z!&e!&k!&u!&{!'U!'[!'k!'s!'}!(UPPPPPPPPPPP!([!(_!(e!(n!(x!)TPPPPPPPPPPPP!-u!/Z!3^!6oPP!6w!7W!7a!8Y!8P!8c!8i!8l!8o!8r!8z!9jPPPPPPPPPPPPPPPPP!9m!9q!9wP!:]!:a!:m!:v!;S!;j!;m!;p!;v!;|!<S!<VP!<_!<h!=d!=g]eOn#g$j)t,P'}`OTYZ[adnoprtxy}!P!Q!R!U!X!c!d!e!f!g!h!i!k!o!p!q!s!t!z#O#S#T#[#d#g#x#y#{#}$Q$e$g$h$j$q$}%S%Z%^%`%c%g%l%n%w%|&O&Z&_&h&j&k&u&x&|'P'W'Z'l'm'p'r's'w'|(O(S(W(](^(d(g(p(r(z(})^)e)g)k)l)p)t)z*O*Y*d*g*h*k*q*r*t*v*y*z*}+Q+U+V+Y+a+c+d+k+x+y,P,X,Y,],g,h,i,k,l,o,q,s,u,w,y,z-O-d-f-m-p-s.f.g/V/Z/s0c0d0e0f0h0i0j0k0l0n0r{!cQ#c#p$R$d$p%e%j%p%q&`'O'g(q(|)j*o*x+w,v0g}!dQ#c#p$R$d$p$u%e%j%p%q&`'O'g(q(|)j*o*x+w,v0g!P!eQ#c#p$R$d$p$u$v%e%j%p%q&`'O'g(q(|)j*o*x+w,v0g!R!fQ#c#p$R$d$p$u$v$w%e%j%p%q&`'O'g(q(|)j*o*x+w,v0g!T!gQ#c#p$R$d$p$u$v$w$x%e%j%p%q&`'O'g(q(|)j*o*x+w,v0g!V!hQ#c#p$R$d$p$u$v$w$x$y%e%j%p%q&`'O'g(q(|)j*o*x+w,v0g!Z!hQ!n#c#p$R$d$p$u$v$w$x$y$z%e%j%p%q&`'O'g(q(|)j*o*x+w,v0g'}TOTYZ[adnoprtxy}!P!Q!R!U!X!c!d!e!f!g!h!i!k!o!p!q!s!t!z#O#S#T#[#d#g#x#y#{#}$Q$e$g$h$j$q$}%S%Z%^%`%c%g%l%n%w%|&O&Z&_&h&j&k&u&x&|'P'W'Z'l'm'p'r's'w'|(O(S(W(](^(d(g(p(r(z(})^)e)g)k)l)p)t)z*O*Y*d*g*h*k*q*r*t*v*y*z*}+Q+U+V+Y+a+c+d+k+x+y,P,X,Y,],g,h,i,k,l,o,q,s,u,w,y,z-O-d-f-m-p-s.f.g/V/Z/s0c0d0e0f0h0i0j0k0l0n0r&eVOYZ[dnprxy}!P!Q!U!i!k!o!p!q!s!t#[#d#g#y#{#}$Q$h$j$}%S%Z%^%`%g%l%n%w%|&Z&_&j&k&u&x'P'W'Z'l'm'p'r's'w(O(W(^(d(g(p(r(z)^)e)g)p)t)z*O*Y*d*g*h*k*q*r*t*v*y*z*}+U+V+Y+a+d+k,P,X,Y,],g,h,i,k,l,o,q,s,u,w,y,z-O-d-f-m-p-s.f.g/V/Z/s0c0d0e0f0h0i0j0k0n0r%oXOYZ[dnrxy}!P!Q!U!i!k#[#d#g#y#{#}$Q$h$j$}%S%^%`%g%l%n%w%|&Z&_&j&k&u&x'P'W'Z'l'm'p'r's'w(O(W(^(d(g(p(r(z)^)e)g)p)t)z*O*Y*d*g*h*k*q*t*v*y*z*}+U+V+Y+a+d+k,P,X,Y,],g,h,i,k,l,o,s,u,w,y,z-O-d-f-m-p.f.g/V/Z0i0j0kQ#vqQ/[.kR0o0q't`OTYZ[adnoprtxy}!P!Q!R!U!X!c!d!e!f!g!h!k!o!p!q!s!t!z#O#S#T#[#d#g#x#y#{#}$Q$e$g$h$j$q$}%S%Z%^%`%c%g%l%n%w%|&O&Z&_&h&j&k&u&x&|'P'W'Z'l'p'r's'w'|(O(S(W(](^(d(g(p(r(z(})^)e)g)k)l)p)t)z*O*Y*g*h*k*q*r*t*v*y*z*}+Q+U+V+Y+a+c+d+k+x+y,P,X,Y,],h,i,k,l,o,q,s,u,w,y,z-O-d-f-m-p-s.f.g/V/Z/s0c0d0e0f0h0i0j0k0l0n0rh#jhz{$W$Z&l&q)S)X+f+g-RW#rq&].k0qQ$]|Q$a!OQ$n!VQ$o!WW$|!i'm*d,gS&[#s#tQ'S$iQ(s&UQ)U&nU)Y&s)Z+jW)a&w+m-T-{Q*Q']W*R'_,`-h.TQ+l)`S,_*S*TQ-Q+eQ-_,TQ-c,WQ.R-al.W-l.^._.a.z.|/R/j/o/t/y0U0Z0^Q/S.`Q/a.tQ/l/OU0P/u0S0[X0V/z0W0_0`R&Z#r!_!wYZ!P!Q!k%S%`%g'p'r's(O(W)g*g*h*k*q*t*v,h,i,k,l,o-m-p.f.g/ZR%^!vQ!{YQ%x#[Q&d#}Q&g$QR,{+YT.j-s/s!Y!jQ!n#c#p$R$d$p$u$v$w$x$y$z%e%j%p%q&`'O'g(q(|)j*o*x+w,v0gQ&X#kQ'c$oR*^'dR'l$|Q%V!mR/_.r'|_OTYZ[adnoprtxy}!P!Q!R!U!X!c!d!e!f!g!h!i!k!o!p!q!s!t!z#O#S#T#[#d#g#x#y#{#}$Q$e$g$h$j$q$}%S%Z%^%`%c%g%l%n%w%|&O&Z&_&h&j&k&u&x&|'P'W'Z'l'm'p'r's'w'|(O(S(W(](^(d(g(p(r(z(})^)e)g)k)l)p)t)z*O*Y*d*g*h*k*q*r*t*v*y*z*}+Q+U+V+Y+a+c+d+k+x+y,P,X,Y,],g,h,i,k,l,o,q,s,u,w,y,z-O-d-f-m-p-s.f.g/V/Z/s0c0d0e0f0h0i0j0k0l0n0rS#a_#b!P.[-l.^._.`.a.t.z.|/R/j/o/t/u/y/z0S0U0W0Z0[0^0_0`'|_OTYZ[adnoprtxy}!P!Q!R!U!X!c!d!e!f!g!h!i!k!o!p!q!s!t!z#O#S#T#[#d#g#x#y#{#}$Q$e$g$h$j$q$}%S%Z%^%`%c%g%l%n%w%|&O&Z&_&h&j&k&u&x&|'P'W'Z'l'm'p'r's'w'|(O(S(W(](^(d(g(p(r(z(})^)e)g)k)l)p)t)z*O*Y*d*g*h*k*q*r*t*v*y*z*}+Q+U+V+Y+a+c+d+k+x+y,P,X,Y,],g,h,i,k,l,o,q,s,u,w,y,z-O-d-f-m-p-s.f.g/V/Z/s0c0d0e0f0h0i0j0k0l0n0rT#a_#bT#^^#_R(o%xa(l%x(n(o+`,{-y-z.oT+[(k+]R-z,{Q$PsQ+l)aQ,^*RR-e,_X#}s$O$P&fQ&y$aQ'a$nQ'd$oR)s'SQ)b&wV-S+m-T-{ZgOn$j)t,PXkOn)t,PQ$k!TQ&z$bQ&{$cQ'^$mQ'b$oQ)q'RQ)x'WQ){'XQ)|'YQ*Z'`S*]'c'dQ+s)gQ+u)hQ+v)iQ+z)oS+|)r*[Q,Q)vQ,R)wS,S)y)zQ,d*^Q-V+rQ-W+tQ-Y+{S-Z+},OQ-`,UQ-b,VQ-|-XQ.O-[Q.P-^Q.Q-_Q.p-}Q.q.RQ/W.dR/r/XWkOn)t,PR#mjQ'`$nS)r'S'aR,O)sQ,]*RR-f,^Q*['`Q+})rR-[,OZiOjn)t,PQ'f$pR*`'gT-j,e-ku.c-l.^._.a.t.z.|/R/j/o/t/u/y0S0U0Z0[0^t.c-l.^._.a.t.z.|/R/j/o/t/u/y0S0U0Z0[0^Q/S.`X0V/z0W0_0`!P.Z-l.^._.`.a.t.z.|/R/j/o/t/u/y/z0S0U0W0Z0[0^0_0`Q.w.YR/f.xg.z.].{/b/i/n/|0O0Q0]0a0bu.b-l.^._.a.t.z.|/R/j/o/t/u/y0S0U0Z0[0^X.u.W.b/a0PR/c.tV0R/u0S0[R/X.dQnOS#on,PR,P)tQ&^#uR(x&^S%m#R#wS(_%m(bT(b%p&`Q%a!yQ%h!}W(P%a%h(U(YQ(U%eR(Y%jQ&i$RR)O&iQ(e%qQ*{(`T+R(e*{Q'n%OR*e'nS'q%R%SY*i'q*j,m-q.hU*j'r's'tU,m*k*l*mS-q,n,oR.h-rQ#Y]R%t#YQ#_^R%y#_Q(h%vS+W(h+XR+X(iQ+](kR,|+]Q#b_R%{#bQ#ebQ%}#cW&Q#e%}({+bQ({&cR+b0gQ$OsS&e$O&fR&f$PQ&v$_R)_&vQ&V#jR(t&VQ&m$VS)T&m+hR+h)UQ$Z{R&p$ZQ&t$]R)[&tQ+n)bR-U+nQ#hfR&S#hQ)f&zR+q)fQ&}$dS)m&})nR)n'OQ'V$kR)u'VQ'[$lS*P'[,ZR,Z*QQ,a*VR-i,aWjOn)t,PR#ljQ-k,eR.U-kd.{.]/b/i/n/|0O0Q0]0a0bR/h.{U.s.W/a0PR/`.sQ/{/nS0X/{0YR0Y/|S/v/b/cR0T/vQ.}.]R/k.}R!ZPXmOn)t,PWlOn)t,PR'T$jYfOn$j)t,PR&R#g[sOn#g$j)t,PR&d#}&dQOYZ[dnprxy}!P!Q!U!i!k!o!p!q!s!t#[#d#g#y#{#}$Q$h$j$}%S%Z%^%`%g%l%n%w%|&Z&_&j&k&u&x'P'W'Z'l'm'p'r's'w(O(W(^(d(g(p(r(z)^)e)g)p)t)z*O*Y*d*g*h*k*q*r*t*v*y*z*}+U+V+Y+a+d+k,P,X,Y,],g,h,i,k,l,o,q,s,u,w,y,z-O-d-f-m-p-s.f.g/V/Z/s0c0d0e0f0h0i0j0k0n0rQ!nTQ#caQ#poU$Rt%c(SS$d!R$gQ$p!XQ$u!cQ$v!dQ$w!eQ$x!fQ$y!gQ$z!hQ%e!zQ%j#OQ%p#SQ%q#TQ&`#xQ'O$eQ'g$qQ(q&OU(|&h(}+cW)j&|)l+x+yQ*o'|Q*x(]Q+w)kQ,v+QR0g0lQ!yYQ!}ZQ$b!PQ$c!QQ%R!kQ't%S^'{%`%g(O(W*q*t*v^*f'p*h,k,l-p.g/ZQ*l'rQ*m'sQ+t)gQ,j*gQ,n*kQ-n,hQ-o,iQ-r,oQ.e-mR/Y.f[bOn#g$j)t,P!^!vYZ!P!Q!k%S%`%g'p'r's(O(W)g*g*h*k*q*t*v,h,i,k,l,o-m-p.f.g/ZQ#R[Q#fdS#wrxQ$UyW$_}$Q'P)pS$l!U$hW${!i'm*d,gS%v#[+Y`&P#d%|(p(r(z+a-O0kQ&a#yQ&b#{Q&c#}Q'j$}Q'z%^W([%l(^*y*}Q(`%nQ(i%wQ(v&ZS(y&_0iQ)P&jQ)Q&kU)]&u)^+kQ)d&xQ)y'WY)}'Z*O,X,Y-dQ*b'lS*n'w0jW+P(d*z,s,wW+T(g+V,y,zQ+p)eQ,U)zQ,c*YQ,x+UQ-P+dQ-e,]Q-v,uQ.S-fR/q/VhUOn#d#g$j%|&_'w(p(r)t,P%U!uYZ[drxy}!P!Q!U!i!k#[#y#{#}$Q$h$}%S%^%`%g%l%n%w&Z&j&k&u&x'P'W'Z'l'm'p'r's(O(W(^(d(g(z)^)e)g)p)z*O*Y*d*g*h*k*q*t*v*y*z*}+U+V+Y+a+d+k,X,Y,],g,h,i,k,l,o,s,u,w,y,z-O-d-f-m-p.f.g/V/Z0i0j0kQ#qpW%W!o!s0d0nQ%X!pQ%Y!qQ%[!tQ%f0cS'v%Z0hQ'x0eQ'y0fQ,p*rQ-u,qS.i-s/sR0p0rU#uq.k0qR(w&][cOn#g$j)t,PZ!xY#[#}$Q+YQ#W[Q#zrR$TxQ%b!yQ%i!}Q%o#RQ'j${Q(V%eQ(Z%jQ(c%pQ(f%qQ*|(`Q,f*bQ-t,pQ.m-uR/].lQ$StQ(R%cR*s(SQ.l-sR/}/sR#QZR#V[R%Q!iQ%O!iV*c'm*d,g!Z!lQ!n#c#p$R$d$p$u$v$w$x$y$z%e%j%p%q&`'O'g(q(|)j*o*x+w,v0gR%T!kT#]^#_Q%x#[R,{+YQ(m%xS+_(n(oQ,}+`Q-x,{S.n-y-zR/^.oT+Z(k+]Q$`}Q&g$QQ)o'PR+{)pQ$XzQ)W&qR+i)XQ$XzQ&o$WQ)W&qR+i)XQ#khW$Vz$W&q)XQ$[{Q&r$ZZ)R&l)S+f+g-RR$^|R)c&wXlOn)t,PQ$f!RR'Q$gQ$m!UR'R$hR*X'_Q*V'_V-g,`-h.TQ.d-lQ/P.^R/Q._U.]-l.^._Q/U.aQ/b.tQ/g.zU/i.|/j/yQ/n/RQ/|/oQ0O/tU0Q/u0S0[Q0]0UQ0a0ZR0b0^R/T.`R/d.t",
  nodeNames: "\u26A0 print Escape { Comment Script AssignStatement * BinaryExpression BitOp BitOp BitOp BitOp ArithOp ArithOp @ ArithOp ** UnaryExpression ArithOp BitOp AwaitExpression await ) ( ParenthesizedExpression BinaryExpression or and CompareOp in not is UnaryExpression ConditionalExpression if else LambdaExpression lambda ParamList VariableName AssignOp , : NamedExpression AssignOp YieldExpression yield from TupleExpression ComprehensionExpression async for LambdaExpression ] [ ArrayExpression ArrayComprehensionExpression } { DictionaryExpression DictionaryComprehensionExpression SetExpression SetComprehensionExpression CallExpression ArgList AssignOp MemberExpression . PropertyName Number String FormatString FormatReplacement FormatSelfDoc FormatConversion FormatSpec FormatReplacement FormatSelfDoc ContinuedString Ellipsis None Boolean TypeDef AssignOp UpdateStatement UpdateOp ExpressionStatement DeleteStatement del PassStatement pass BreakStatement break ContinueStatement continue ReturnStatement return YieldStatement PrintStatement RaiseStatement raise ImportStatement import as ScopeStatement global nonlocal AssertStatement assert TypeDefinition type TypeParamList TypeParam StatementGroup ; IfStatement Body elif WhileStatement while ForStatement TryStatement try except finally WithStatement with FunctionDefinition def ParamList AssignOp TypeDef ClassDefinition class DecoratedStatement Decorator At MatchStatement match MatchBody MatchClause case CapturePattern LiteralPattern ArithOp ArithOp AsPattern OrPattern LogicOp AttributePattern SequencePattern MappingPattern StarPattern ClassPattern PatternArgList KeywordPattern KeywordPattern Guard",
  maxTerm: 277,
  context: trackIndent,
  nodeProps: [
    ["isolate", -5, 4, 71, 72, 73, 77, ""],
    ["group", -15, 6, 85, 87, 88, 90, 92, 94, 96, 98, 99, 100, 102, 105, 108, 110, "Statement Statement", -22, 8, 18, 21, 25, 40, 49, 50, 56, 57, 60, 61, 62, 63, 64, 67, 70, 71, 72, 79, 80, 81, 82, "Expression", -10, 114, 116, 119, 121, 122, 126, 128, 133, 135, 138, "Statement", -9, 143, 144, 147, 148, 150, 151, 152, 153, 154, "Pattern"],
    ["openedBy", 23, "(", 54, "[", 58, "{"],
    ["closedBy", 24, ")", 55, "]", 59, "}"]
  ],
  propSources: [pythonHighlighting],
  skippedNodes: [0, 4],
  repeatNodeCount: 34,
  tokenData: "!2|~R!`OX%TXY%oY[%T[]%o]p%Tpq%oqr'ars)Yst*xtu%Tuv,dvw-hwx.Uxy/tyz0[z{0r{|2S|}2p}!O3W!O!P4_!P!Q:Z!Q!R;k!R![>_![!]Do!]!^Es!^!_FZ!_!`Gk!`!aHX!a!b%T!b!cIf!c!dJU!d!eK^!e!hJU!h!i!#f!i!tJU!t!u!,|!u!wJU!w!x!.t!x!}JU!}#O!0S#O#P&o#P#Q!0j#Q#R!1Q#R#SJU#S#T%T#T#UJU#U#VK^#V#YJU#Y#Z!#f#Z#fJU#f#g!,|#g#iJU#i#j!.t#j#oJU#o#p!1n#p#q!1s#q#r!2a#r#s!2f#s$g%T$g;'SJU;'S;=`KW<%lOJU`%YT&n`O#o%T#p#q%T#r;'S%T;'S;=`%i<%lO%T`%lP;=`<%l%To%v]&n`%c_OX%TXY%oY[%T[]%o]p%Tpq%oq#O%T#O#P&o#P#o%T#p#q%T#r;'S%T;'S;=`%i<%lO%To&tX&n`OY%TYZ%oZ]%T]^%o^#o%T#p#q%T#r;'S%T;'S;=`%i<%lO%Tc'f[&n`O!_%T!_!`([!`#T%T#T#U(r#U#f%T#f#g(r#g#h(r#h#o%T#p#q%T#r;'S%T;'S;=`%i<%lO%Tc(cTmR&n`O#o%T#p#q%T#r;'S%T;'S;=`%i<%lO%Tc(yT!mR&n`O#o%T#p#q%T#r;'S%T;'S;=`%i<%lO%Tk)aV&n`&[ZOr%Trs)vs#o%T#p#q%T#r;'S%T;'S;=`%i<%lO%Tk){V&n`Or%Trs*bs#o%T#p#q%T#r;'S%T;'S;=`%i<%lO%Tk*iT&n`&^ZO#o%T#p#q%T#r;'S%T;'S;=`%i<%lO%To+PZS_&n`OY*xYZ%TZ]*x]^%T^#o*x#o#p+r#p#q*x#q#r+r#r;'S*x;'S;=`,^<%lO*x_+wTS_OY+rZ]+r^;'S+r;'S;=`,W<%lO+r_,ZP;=`<%l+ro,aP;=`<%l*xj,kV%rQ&n`O!_%T!_!`-Q!`#o%T#p#q%T#r;'S%T;'S;=`%i<%lO%Tj-XT!xY&n`O#o%T#p#q%T#r;'S%T;'S;=`%i<%lO%Tj-oV%lQ&n`O!_%T!_!`-Q!`#o%T#p#q%T#r;'S%T;'S;=`%i<%lO%Tk.]V&n`&ZZOw%Twx.rx#o%T#p#q%T#r;'S%T;'S;=`%i<%lO%Tk.wV&n`Ow%Twx/^x#o%T#p#q%T#r;'S%T;'S;=`%i<%lO%Tk/eT&n`&]ZO#o%T#p#q%T#r;'S%T;'S;=`%i<%lO%Tk/{ThZ&n`O#o%T#p#q%T#r;'S%T;'S;=`%i<%lO%Tc0cTgR&n`O#o%T#p#q%T#r;'S%T;'S;=`%i<%lO%Tk0yXVZ&n`Oz%Tz{1f{!_%T!_!`-Q!`#o%T#p#q%T#r;'S%T;'S;=`%i<%lO%Tk1mVaR&n`O!_%T!_!`-Q!`#o%T#p#q%T#r;'S%T;'S;=`%i<%lO%Tk2ZV%oZ&n`O!_%T!_!`-Q!`#o%T#p#q%T#r;'S%T;'S;=`%i<%lO%Tc2wTzR&n`O#o%T#p#q%T#r;'S%T;'S;=`%i<%lO%To3_W%pZ&n`O!_%T!_!`-Q!`!a3w!a#o%T#p#q%T#r;'S%T;'S;=`%i<%lO%Td4OT&{S&n`O#o%T#p#q%T#r;'S%T;'S;=`%i<%lO%Tk4fX!fQ&n`O!O%T!O!P5R!P!Q%T!Q![6T![#o%T#p#q%T#r;'S%T;'S;=`%i<%lO%Tk5WV&n`O!O%T!O!P5m!P#o%T#p#q%T#r;'S%T;'S;=`%i<%lO%Tk5tT!rZ&n`O#o%T#p#q%T#r;'S%T;'S;=`%i<%lO%Ti6[a!hX&n`O!Q%T!Q![6T![!g%T!g!h7a!h!l%T!l!m9s!m#R%T#R#S6T#S#X%T#X#Y7a#Y#^%T#^#_9s#_#o%T#p#q%T#r;'S%T;'S;=`%i<%lO%Ti7fZ&n`O{%T{|8X|}%T}!O8X!O!Q%T!Q![8s![#o%T#p#q%T#r;'S%T;'S;=`%i<%lO%Ti8^V&n`O!Q%T!Q![8s![#o%T#p#q%T#r;'S%T;'S;=`%i<%lO%Ti8z]!hX&n`O!Q%T!Q![8s![!l%T!l!m9s!m#R%T#R#S8s#S#^%T#^#_9s#_#o%T#p#q%T#r;'S%T;'S;=`%i<%lO%Ti9zT!hX&n`O#o%T#p#q%T#r;'S%T;'S;=`%i<%lO%Tk:bX%qR&n`O!P%T!P!Q:}!Q!_%T!_!`-Q!`#o%T#p#q%T#r;'S%T;'S;=`%i<%lO%Tj;UV%sQ&n`O!_%T!_!`-Q!`#o%T#p#q%T#r;'S%T;'S;=`%i<%lO%Ti;ro!hX&n`O!O%T!O!P=s!P!Q%T!Q![>_![!d%T!d!e?q!e!g%T!g!h7a!h!l%T!l!m9s!m!q%T!q!rA]!r!z%T!z!{Bq!{#R%T#R#S>_#S#U%T#U#V?q#V#X%T#X#Y7a#Y#^%T#^#_9s#_#c%T#c#dA]#d#l%T#l#mBq#m#o%T#p#q%T#r;'S%T;'S;=`%i<%lO%Ti=xV&n`O!Q%T!Q![6T![#o%T#p#q%T#r;'S%T;'S;=`%i<%lO%Ti>fc!hX&n`O!O%T!O!P=s!P!Q%T!Q![>_![!g%T!g!h7a!h!l%T!l!m9s!m#R%T#R#S>_#S#X%T#X#Y7a#Y#^%T#^#_9s#_#o%T#p#q%T#r;'S%T;'S;=`%i<%lO%Ti?vY&n`O!Q%T!Q!R@f!R!S@f!S#R%T#R#S@f#S#o%T#p#q%T#r;'S%T;'S;=`%i<%lO%Ti@mY!hX&n`O!Q%T!Q!R@f!R!S@f!S#R%T#R#S@f#S#o%T#p#q%T#r;'S%T;'S;=`%i<%lO%TiAbX&n`O!Q%T!Q!YA}!Y#R%T#R#SA}#S#o%T#p#q%T#r;'S%T;'S;=`%i<%lO%TiBUX!hX&n`O!Q%T!Q!YA}!Y#R%T#R#SA}#S#o%T#p#q%T#r;'S%T;'S;=`%i<%lO%TiBv]&n`O!Q%T!Q![Co![!c%T!c!iCo!i#R%T#R#SCo#S#T%T#T#ZCo#Z#o%T#p#q%T#r;'S%T;'S;=`%i<%lO%TiCv]!hX&n`O!Q%T!Q![Co![!c%T!c!iCo!i#R%T#R#SCo#S#T%T#T#ZCo#Z#o%T#p#q%T#r;'S%T;'S;=`%i<%lO%ToDvV{_&n`O!_%T!_!`E]!`#o%T#p#q%T#r;'S%T;'S;=`%i<%lO%TcEdT%{R&n`O#o%T#p#q%T#r;'S%T;'S;=`%i<%lO%TkEzT#gZ&n`O#o%T#p#q%T#r;'S%T;'S;=`%i<%lO%TkFbXmR&n`O!^%T!^!_F}!_!`([!`!a([!a#o%T#p#q%T#r;'S%T;'S;=`%i<%lO%TjGUV%mQ&n`O!_%T!_!`-Q!`#o%T#p#q%T#r;'S%T;'S;=`%i<%lO%TkGrV%zZ&n`O!_%T!_!`([!`#o%T#p#q%T#r;'S%T;'S;=`%i<%lO%TkH`WmR&n`O!_%T!_!`([!`!aHx!a#o%T#p#q%T#r;'S%T;'S;=`%i<%lO%TjIPV%nQ&n`O!_%T!_!`-Q!`#o%T#p#q%T#r;'S%T;'S;=`%i<%lO%TkIoV_Q#}P&n`O!_%T!_!`-Q!`#o%T#p#q%T#r;'S%T;'S;=`%i<%lO%ToJ_]&n`&YS%uZO!Q%T!Q![JU![!c%T!c!}JU!}#R%T#R#SJU#S#T%T#T#oJU#p#q%T#r$g%T$g;'SJU;'S;=`KW<%lOJUoKZP;=`<%lJUoKge&n`&YS%uZOr%Trs)Ysw%Twx.Ux!Q%T!Q![JU![!c%T!c!tJU!t!uLx!u!}JU!}#R%T#R#SJU#S#T%T#T#fJU#f#gLx#g#oJU#p#q%T#r$g%T$g;'SJU;'S;=`KW<%lOJUoMRa&n`&YS%uZOr%TrsNWsw%Twx! vx!Q%T!Q![JU![!c%T!c!}JU!}#R%T#R#SJU#S#T%T#T#oJU#p#q%T#r$g%T$g;'SJU;'S;=`KW<%lOJUkN_V&n`&`ZOr%TrsNts#o%T#p#q%T#r;'S%T;'S;=`%i<%lO%TkNyV&n`Or%Trs! `s#o%T#p#q%T#r;'S%T;'S;=`%i<%lO%Tk! gT&n`&bZO#o%T#p#q%T#r;'S%T;'S;=`%i<%lO%Tk! }V&n`&_ZOw%Twx!!dx#o%T#p#q%T#r;'S%T;'S;=`%i<%lO%Tk!!iV&n`Ow%Twx!#Ox#o%T#p#q%T#r;'S%T;'S;=`%i<%lO%Tk!#VT&n`&aZO#o%T#p#q%T#r;'S%T;'S;=`%i<%lO%To!#oe&n`&YS%uZOr%Trs!%Qsw%Twx!&px!Q%T!Q![JU![!c%T!c!tJU!t!u!(`!u!}JU!}#R%T#R#SJU#S#T%T#T#fJU#f#g!(`#g#oJU#p#q%T#r$g%T$g;'SJU;'S;=`KW<%lOJUk!%XV&n`&dZOr%Trs!%ns#o%T#p#q%T#r;'S%T;'S;=`%i<%lO%Tk!%sV&n`Or%Trs!&Ys#o%T#p#q%T#r;'S%T;'S;=`%i<%lO%Tk!&aT&n`&fZO#o%T#p#q%T#r;'S%T;'S;=`%i<%lO%Tk!&wV&n`&cZOw%Twx!'^x#o%T#p#q%T#r;'S%T;'S;=`%i<%lO%Tk!'cV&n`Ow%Twx!'xx#o%T#p#q%T#r;'S%T;'S;=`%i<%lO%Tk!(PT&n`&eZO#o%T#p#q%T#r;'S%T;'S;=`%i<%lO%To!(ia&n`&YS%uZOr%Trs!)nsw%Twx!+^x!Q%T!Q![JU![!c%T!c!}JU!}#R%T#R#SJU#S#T%T#T#oJU#p#q%T#r$g%T$g;'SJU;'S;=`KW<%lOJUk!)uV&n`&hZOr%Trs!*[s#o%T#p#q%T#r;'S%T;'S;=`%i<%lO%Tk!*aV&n`Or%Trs!*vs#o%T#p#q%T#r;'S%T;'S;=`%i<%lO%Tk!*}T&n`&jZO#o%T#p#q%T#r;'S%T;'S;=`%i<%lO%Tk!+eV&n`&gZOw%Twx!+zx#o%T#p#q%T#r;'S%T;'S;=`%i<%lO%Tk!,PV&n`Ow%Twx!,fx#o%T#p#q%T#r;'S%T;'S;=`%i<%lO%Tk!,mT&n`&iZO#o%T#p#q%T#r;'S%T;'S;=`%i<%lO%To!-Vi&n`&YS%uZOr%TrsNWsw%Twx! vx!Q%T!Q![JU![!c%T!c!dJU!d!eLx!e!hJU!h!i!(`!i!}JU!}#R%T#R#SJU#S#T%T#T#UJU#U#VLx#V#YJU#Y#Z!(`#Z#oJU#p#q%T#r$g%T$g;'SJU;'S;=`KW<%lOJUo!.}a&n`&YS%uZOr%Trs)Ysw%Twx.Ux!Q%T!Q![JU![!c%T!c!}JU!}#R%T#R#SJU#S#T%T#T#oJU#p#q%T#r$g%T$g;'SJU;'S;=`KW<%lOJUk!0ZT!XZ&n`O#o%T#p#q%T#r;'S%T;'S;=`%i<%lO%Tc!0qT!WR&n`O#o%T#p#q%T#r;'S%T;'S;=`%i<%lO%Tj!1XV%kQ&n`O!_%T!_!`-Q!`#o%T#p#q%T#r;'S%T;'S;=`%i<%lO%T~!1sO!]~k!1zV%jR&n`O!_%T!_!`-Q!`#o%T#p#q%T#r;'S%T;'S;=`%i<%lO%T~!2fO![~i!2mT%tX&n`O#o%T#p#q%T#r;'S%T;'S;=`%i<%lO%T",
  tokenizers: [legacyPrint, indentation, newlines, strings, 0, 1, 2, 3, 4],
  topRules: { "Script": [0, 5] },
  specialized: [{ term: 221, get: (value) => spec_identifier[value] || -1 }],
  tokenPrec: 7668
});

// src/parse/python.ts
var MAX_REPARSES = 6;
var REPARSE_BUDGET = 12e4;
function parsePython(text) {
  const starts = lineStarts(text);
  const lineOf2 = (offset) => lineAt(starts, offset);
  const module = { text, statements: [], lineOf: lineOf2 };
  let from = 0;
  let budget = REPARSE_BUDGET;
  for (let round = 0; round <= MAX_REPARSES; round++) {
    const tree = parser.parse(from === 0 ? text : masked(text, from));
    const resume = collect(tree.topNode, from, module, text, starts);
    if (resume === void 0) break;
    budget -= text.length - resume;
    if (budget < 0) break;
    from = resume;
  }
  return module;
}
function collect(top, from, module, text, starts) {
  let skipUntil = from;
  const statements = [];
  for (let c = top.firstChild; c; c = c.nextSibling) if (c.name !== "Comment") statements.push(c);
  for (const stmt of statements) {
    if (stmt.from < skipUntil) continue;
    const error = firstError(stmt);
    if (error === void 0) {
      module.statements.push(stmt);
      continue;
    }
    if (!module.error) {
      const line = lineAt(starts, error);
      module.error = { line, column: error - starts[line - 1] + 1 };
    }
    const next = nextTopLevelLine(text, starts, lineAt(starts, Math.max(error, stmt.from)));
    if (next === void 0) return void 0;
    if (statements.some((s) => s.from === next)) {
      skipUntil = next;
      continue;
    }
    return next;
  }
  return void 0;
}
function firstError(node) {
  if (node.type.isError) return node.from;
  let at;
  node.toTree().iterate({
    enter(n) {
      if (at !== void 0) return false;
      if (n.type.isError) {
        at = node.from + n.from;
        return false;
      }
      return void 0;
    }
  });
  return at;
}
function nextTopLevelLine(text, starts, line) {
  for (let l = line; l < starts.length; l++) {
    const at = starts[l];
    const ch = text[at];
    if (ch !== void 0 && ch !== " " && ch !== "	" && ch !== "\n" && ch !== "\r" && ch !== "#" && ch !== "\f")
      return at;
  }
  return void 0;
}
function masked(text, from) {
  let prefix = "";
  for (let i = 0; i < from; i++) {
    const ch = text[i];
    prefix += ch === "\n" || ch === "\r" ? ch : " ";
  }
  return prefix + text.slice(from);
}
function lineStarts(text) {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 10) starts.push(i + 1);
    else if (ch === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    }
  }
  return starts;
}
function lineAt(starts, offset) {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = lo + hi + 1 >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}
function childrenOf(node) {
  const out = [];
  for (let c = node.firstChild; c; c = c.nextSibling) if (c.name !== "Comment") out.push(c);
  return out;
}
function stringParts(raw) {
  let i = 0;
  while (i < raw.length && /[rRbBuUfF]/.test(raw[i])) i++;
  const prefix = raw.slice(0, i).toLowerCase();
  const rest = raw.slice(i);
  for (const quote of ['"""', "'''", '"', "'"]) {
    if (rest.length >= 2 * quote.length && rest.startsWith(quote) && rest.endsWith(quote))
      return { prefix, quote, body: rest.slice(quote.length, rest.length - quote.length) };
  }
  return void 0;
}
var SIMPLE_ESCAPES = {
  n: "\n",
  t: "	",
  r: "\r",
  "\\": "\\",
  "'": "'",
  '"': '"',
  a: "\x07",
  b: "\b",
  f: "\f",
  v: "\v",
  "0": "\0"
};
function unescapeBody(body, raw) {
  if (raw || !body.includes("\\")) return body;
  let out = "";
  for (let i = 0; i < body.length; i++) {
    const ch = body[i];
    if (ch !== "\\" || i + 1 >= body.length) {
      out += ch;
      continue;
    }
    const next = body[++i];
    if (next === "\n") continue;
    if (next === "\r") {
      if (body[i + 1] === "\n") i++;
      continue;
    }
    if (next === "x" || next === "u" || next === "U") {
      const len = next === "x" ? 2 : next === "u" ? 4 : 8;
      const hex = body.slice(i + 1, i + 1 + len);
      const code2 = /^[0-9a-fA-F]+$/.test(hex) && hex.length === len ? parseInt(hex, 16) : NaN;
      if (Number.isFinite(code2) && code2 <= 1114111) {
        out += String.fromCodePoint(code2);
        i += len;
        continue;
      }
    }
    if (next >= "1" && next <= "7") {
      let digits = next;
      while (digits.length < 3 && body[i + 1] >= "0" && body[i + 1] <= "7") digits += body[++i];
      out += String.fromCharCode(parseInt(digits, 8));
      continue;
    }
    out += SIMPLE_ESCAPES[next] ?? "\\" + next;
  }
  return out;
}

// src/model/settings/value.ts
var MAX_OPTIONS = 16;
var MAX_TEXT = 160;
function truthAnd(a, b) {
  if (a === false || b === false) return false;
  if (a === true && b === true) return true;
  return void 0;
}
function truthOr(a, b) {
  if (a === true || b === true) return true;
  if (a === false && b === false) return false;
  return void 0;
}
function truthNot(a) {
  return a === void 0 ? void 0 : !a;
}
function markRequired(read) {
  if (!read.guarded) read.required = true;
}
function requireValue(v) {
  if (v.t === "env") {
    if (v.unset.t === "none") markRequired(v.read);
    else requireValue(v.unset);
  } else if (v.t === "choice") for (const o of v.options) requireValue(o.v);
}
function negateCondition(c) {
  const flip = {
    equals: "not-equals",
    "not-equals": "equals",
    set: "unset",
    unset: "set"
  };
  const test = flip[c.test];
  return test ? { ...c, test } : void 0;
}
function otherwiseCondition(previous, line) {
  if (!previous || previous.length === 0) return void 0;
  if (previous.length === 1) return negateCondition(previous[0]);
  const variable = previous[0].variable;
  if (!previous.every((c) => c.variable === variable)) return void 0;
  return { variable, value: "", test: "otherwise", line };
}
var PROBE_TEXTS = [
  "1",
  "0",
  "true",
  "false",
  "True",
  "False",
  "TRUE",
  "FALSE",
  "yes",
  "no",
  "on",
  "off"
];
function textProbes(line) {
  return PROBE_TEXTS.map((text) => ({ text, v: { t: "str", v: text, line } }));
}
function lift(v, f) {
  if (v.t === "env") {
    const unset = lift(v.unset, f);
    if (unset.t === "unknown" && unset.crash && v.unset.t === "none") markRequired(v.read);
    const out = { t: "env", read: v.read, unset, line: v.line };
    const probes = v.probes?.map((p) => ({ text: p.text, v: f(p.v) })).filter((p) => isScalarValue(p.v));
    if (probes?.length) out.probes = probes;
    if (v.dbUrl && unset.t === "dict") out.dbUrl = true;
    if (v.cases) {
      out.cases = v.cases.map((c) => ({ value: c.value, v: lift(c.v, f) }));
      if (v.unsetKey !== void 0) out.unsetKey = v.unsetKey;
    }
    return out;
  }
  if (v.t === "choice")
    return choice(
      v.options.map((o) => ({ ...o, v: lift(o.v, f) })),
      v.line
    );
  return f(v);
}
function isScalarValue(v) {
  return v.t === "str" || v.t === "num" || v.t === "bool" || v.t === "none";
}
function choice(options, line) {
  const flat = [];
  for (const o of options) {
    if (o.v.t === "choice")
      for (const inner of o.v.options)
        flat.push({
          v: inner.v,
          when: inner.when ?? o.when,
          activeWhenUnset: truthAnd(o.activeWhenUnset, inner.activeWhenUnset)
        });
    else flat.push(o);
  }
  if (flat.length > MAX_OPTIONS) return { t: "unknown", text: "too many alternatives", line };
  return { t: "choice", options: flat, line };
}
function truthy(v) {
  switch (v.t) {
    case "str":
      return v.v !== "";
    case "num":
      return v.v !== 0;
    case "bool":
      return v.v;
    case "none":
      return false;
    case "list":
      return v.items.length > 0;
    case "dict":
      return v.entries.length > 0;
    case "path":
    case "ref":
    case "envobj":
      return true;
    case "concat":
      return v.parts.some((p) => p.t === "path" || p.t === "str" && p.v !== "") ? true : void 0;
    case "env":
      return truthy(v.unset);
    case "choice": {
      const active = v.options.filter((o) => o.activeWhenUnset === true);
      if (active.length > 0) return truthy(active[0].v);
      const values = v.options.map((o) => truthy(o.v));
      return values.every((x) => x === values[0]) ? values[0] : void 0;
    }
    default:
      return void 0;
  }
}
function notValue(x, line) {
  const t2 = truthy(x);
  return t2 === void 0 ? { t: "unknown", text: "not \u2026", line } : { t: "bool", v: !t2, line };
}

// src/model/settings/builtins.ts
var BUILTINS = /* @__PURE__ */ new Set([
  "str",
  "bool",
  "int",
  "float",
  "list",
  "tuple",
  "dict",
  "set",
  "len",
  "open",
  "print"
]);
var TRUE_WORDS = ["y", "yes", "t", "true", "on", "1"];
var FALSE_WORDS = ["n", "no", "f", "false", "off", "0"];
var CONVERSIONS = [
  "builtins.str",
  "builtins.bool",
  "builtins.int",
  "builtins.float",
  "builtins.list",
  "builtins.tuple"
];
var callBuiltinFunction = (_recorder, _ctx, name2, args, line) => {
  const [a0] = args.pos;
  if (!a0) return void 0;
  if (CONVERSIONS.includes(name2)) return callBuiltin(name2, a0, line);
  switch (name2) {
    case "distutils.util.strtobool":
    case "str2bool.str2bool":
      return lift(a0, (x) => strtobool(x, line));
    case "ast.literal_eval":
    case "json.loads":
      return lift(a0, (x) => literalEval(x, line, name2 === "json.loads"));
    default:
      return void 0;
  }
};
function parseNumber(text) {
  const s = text.replaceAll("_", "").toLowerCase();
  if (s.endsWith("j")) return void 0;
  if (/^0[oO]/.test(s)) return parseInt(s.slice(2), 8);
  if (/^0[bB]/.test(s)) return parseInt(s.slice(2), 2);
  const n = Number(s.endsWith("l") ? s.slice(0, -1) : s);
  return Number.isFinite(n) ? n : void 0;
}
function callBuiltin(name2, a, line) {
  const short = name2.replace("builtins.", "");
  const out = lift(a, (x) => {
    if (x.t === "unknown") return x.crash ? x : { t: "unknown", text: `${short}(\u2026)`, line };
    return convert(name2, x, line) ?? { t: "unknown", text: `${short}(\u2026)`, line };
  });
  if (name2 === "builtins.bool" && a.t === "env" && a.whenSet === "text" && out.t === "env")
    out.whenSet = "truth-of-text";
  return out;
}
function convert(name2, x, line) {
  switch (name2) {
    case "builtins.str":
      if (x.t === "str" || x.t === "path" || x.t === "concat") return x;
      if (x.t === "num") return { t: "str", v: String(x.v), line };
      if (x.t === "bool") return { t: "str", v: x.v ? "True" : "False", line };
      if (x.t === "none") return { t: "str", v: "None", line };
      return void 0;
    case "builtins.bool": {
      const t2 = truthy(x);
      return t2 === void 0 ? void 0 : { t: "bool", v: t2, line };
    }
    case "builtins.int":
    case "builtins.float":
      return toNumber(name2 === "builtins.int", x, line);
    case "builtins.list":
    case "builtins.tuple":
      if (x.t === "list") return x;
      if (x.t === "none") return { t: "unknown", text: "list(None)", crash: true, line };
      return void 0;
    default:
      return void 0;
  }
}
function toNumber(integer2, x, line) {
  if (x.t === "num") return { t: "num", v: integer2 ? Math.trunc(x.v) : x.v, line };
  if (x.t === "bool") return { t: "num", v: x.v ? 1 : 0, line };
  if (x.t === "none") return { t: "unknown", text: "int(None)", crash: true, line };
  if (x.t === "str") {
    const s = x.v.trim().replaceAll("_", "");
    const ok = integer2 ? /^[+-]?\d+$/.test(s) : s !== "" && Number.isFinite(Number(s));
    return ok ? { t: "num", v: Number(s), line } : { t: "unknown", text: "ValueError", crash: true, line };
  }
  return void 0;
}
function strtobool(x, line) {
  if (x.t !== "str")
    return x.t === "none" ? { t: "unknown", text: "strtobool(None)", crash: true, line } : { t: "unknown", text: "strtobool", line };
  const s = x.v.trim().toLowerCase();
  if (TRUE_WORDS.includes(s)) return { t: "num", v: 1, line };
  if (FALSE_WORDS.includes(s)) return { t: "num", v: 0, line };
  return { t: "unknown", text: "ValueError", crash: true, line };
}
function literalEval(x, line, json) {
  if (x.t !== "str")
    return x.t === "none" ? { t: "unknown", text: "eval(None)", crash: true, line } : { t: "unknown", text: "eval", line };
  const s = x.v.trim();
  const words = json ? { true: { t: "bool", v: true, line }, false: { t: "bool", v: false, line }, null: { t: "none", line } } : { True: { t: "bool", v: true, line }, False: { t: "bool", v: false, line }, None: { t: "none", line } };
  if (words[s]) return words[s];
  if (s !== "" && Number.isFinite(Number(s))) return { t: "num", v: Number(s), line };
  return { t: "unknown", text: "eval", line };
}
function callStrMethod(o, method, args, line) {
  const [a0, a1] = args.pos;
  const str = (v) => ({ t: "str", v, line });
  switch (method) {
    case "lower":
    case "casefold":
      return str(o.v.toLowerCase());
    case "upper":
      return str(o.v.toUpperCase());
    case "strip":
    case "lstrip":
    case "rstrip": {
      if (a0 && a0.t !== "none") return void 0;
      const v = method === "strip" ? o.v.trim() : method === "lstrip" ? o.v.trimStart() : o.v.trimEnd();
      return str(v);
    }
    case "capitalize":
      return str(o.v.charAt(0).toUpperCase() + o.v.slice(1).toLowerCase());
    case "title":
      return str(o.v.replace(/\w\S*/g, (w) => w.charAt(0).toUpperCase() + w.slice(1).toLowerCase()));
    case "split":
    case "rsplit": {
      if (a1) return void 0;
      const items = !a0 || a0.t === "none" ? o.v.split(/\s+/).filter((p) => p !== "") : a0.t === "str" && a0.v !== "" ? o.v.split(a0.v) : void 0;
      return items ? { t: "list", items: items.map(str), line } : void 0;
    }
    case "startswith":
    case "endswith":
      if (a0?.t !== "str") return void 0;
      return { t: "bool", v: method === "startswith" ? o.v.startsWith(a0.v) : o.v.endsWith(a0.v), line };
    case "replace":
      if (a0?.t !== "str" || a1?.t !== "str") return void 0;
      return str(o.v.split(a0.v).join(a1.v));
    case "isdigit":
      return { t: "bool", v: /^\d+$/.test(o.v), line };
    case "encode":
    case "decode":
      return o;
    default:
      return void 0;
  }
}

// src/model/settings/paths.ts
function splitPath(s) {
  return s.split("/").filter((p) => p !== "" && p !== ".");
}
function normalize(base, more, absolute) {
  const out = base.slice();
  for (const part of more) {
    if (part === "..") {
      if (out.length > 0 && out[out.length - 1] !== "..") out.pop();
      else if (!absolute) out.push("..");
    } else out.push(part);
  }
  return out;
}
function appendPath(p, s, line) {
  if (s.startsWith("/"))
    return { t: "path", base: "absolute", parts: normalize([], splitPath(s), true), line };
  return { t: "path", base: p.base, parts: normalize(p.parts, splitPath(s), p.base === "absolute"), line };
}
function dirname2(p, line) {
  if (p.t === "path") return { ...p, parts: normalize(p.parts, [".."], p.base === "absolute"), line };
  if (p.t === "str") {
    const at = p.v.replace(/\/+$/, "").lastIndexOf("/");
    return { t: "str", v: at < 0 ? "" : at === 0 ? "/" : p.v.slice(0, at), line };
  }
  if (p.t === "none") return { t: "unknown", text: "dirname(None)", crash: true, line };
  return { t: "unknown", text: "dirname(\u2026)", line };
}
function ancestor(p, levels, line) {
  let out = p;
  for (let i = 0; i < levels; i++) out = dirname2(out, line);
  return out;
}
function relativeParts(from, to) {
  let i = 0;
  while (i < from.length && i < to.length && from[i] === to[i]) i++;
  return [...from.slice(i).map(() => ".."), ...to.slice(i)];
}
function concatPath(v) {
  const parts = v.parts.filter((p) => !(p.t === "str" && p.v === ""));
  const [head, ...rest] = parts;
  if (!head || rest.some((p) => p.t !== "str")) return void 0;
  const suffix = rest.map((p) => p.v).join("");
  if (head.t === "path") {
    if (suffix !== "" && !suffix.startsWith("/")) return void 0;
    return {
      t: "path",
      base: head.base,
      parts: normalize(head.parts, splitPath(suffix), head.base === "absolute"),
      line: v.line
    };
  }
  return void 0;
}
function renderConcat(v) {
  return v.parts.map(
    (p) => p.t === "str" ? p.v : p.t === "path" ? [p.base === "absolute" ? "" : p.base === "repo" ? "{__file__}" : "{BASE_DIR}", ...p.parts].join(
      "/"
    ) : "\u2026"
  ).join("");
}
function asPath(v, line) {
  if (!v) return { t: "unknown", text: "path", line };
  if (v.t === "str" && v.v.startsWith("/"))
    return { t: "path", base: "absolute", parts: splitPath(v.v), line };
  if (v.t === "concat") {
    const p = concatPath(v);
    if (p) return p;
  }
  if (v.t === "none") return { t: "unknown", text: "None", crash: true, line };
  return v;
}
function join2(a, b, line) {
  return lift(
    a,
    (x) => lift(b, (y) => {
      const left = asPath(x, line);
      const right = asPath(y, line);
      if (right.t === "path" && right.base !== "repo") return right;
      if (left.t === "path" && right.t === "str") return appendPath(left, right.v, line);
      if (left.t === "str" && right.t === "str")
        return { t: "str", v: left.v ? `${left.v.replace(/\/+$/, "")}/${right.v}` : right.v, line };
      if (left.t === "none" || right.t === "none" || left.t === "unknown" && left.crash)
        return { t: "unknown", text: "join(None)", crash: true, line };
      return { t: "unknown", text: "path", line };
    })
  );
}
function joinAll(first, more, line) {
  return more.reduce((acc, a) => join2(acc, a, line), first);
}
var callPathFunction = (_recorder, _ctx, name2, args, line) => {
  const [a0] = args.pos;
  switch (name2) {
    case "os.path.join":
      return args.pos.length ? joinAll(asPath(a0, line), args.pos.slice(1), line) : void 0;
    case "os.path.dirname":
      return a0 ? lift(a0, (p) => dirname2(asPath(p, line), line)) : void 0;
    case "os.path.abspath":
    case "os.path.realpath":
    case "os.path.normpath":
    case "os.path.expanduser":
      return a0 ? lift(a0, (p) => asPath(p, line)) : void 0;
    case "pathlib.Path":
    case "pathlib.PurePath":
    case "pathlib.PosixPath":
    case "environ.Path":
      if (!a0) return { t: "unknown", text: "Path()", line };
      return joinAll(
        lift(a0, (p) => asPath(p, line)),
        args.pos.slice(1),
        line
      );
    default:
      return void 0;
  }
};
function callPathMethod(o, method, args, line) {
  if (["resolve", "absolute", "expanduser", "as_posix", "__str__"].includes(method)) return o;
  if (method === "joinpath" || method === "path") return joinAll(o, args.pos, line);
  return void 0;
}
function pathAttribute(o, prop, line) {
  if (prop === "parent") return dirname2(o, line);
  if (prop === "parents") return { t: "parents", of: o, line };
  return void 0;
}

// src/model/settings/access.ts
function attribute(o, prop, line) {
  if (o.t === "ref") return { t: "ref", name: `${o.name}.${prop}`, line };
  if (o.t === "env" || o.t === "choice") return lift(o, (x) => attribute(x, prop, line));
  if (o.t === "path") {
    const v = pathAttribute(o, prop, line);
    if (v) return v;
  }
  if (o.t === "none") return { t: "unknown", text: `None.${prop}`, crash: true, line };
  return { t: "unknown", text: `\u2026.${prop}`, line };
}
function subscript2(o, k, line) {
  if (o.t === "parents" && k.t === "num" && Number.isInteger(k.v) && k.v >= 0)
    return ancestor(o.of, k.v + 1, line);
  if (o.t === "dict" && k.t === "env") return switchOn(o, k, void 0, line);
  if (o.t === "env" || o.t === "choice") return lift(o, (x) => subscript2(x, k, line));
  if (k.t === "env") return lift(k, (x) => subscript2(o, x, line));
  if (o.t === "dict" && k.t === "str") {
    const entry = o.entries.find((e) => e.key === k.v);
    return entry ? entry.value : { t: "unknown", text: `[${k.v}]`, line };
  }
  if (o.t === "list" && k.t === "num") {
    const item = o.items[k.v < 0 ? o.items.length + k.v : k.v];
    return item ?? { t: "unknown", text: `[${k.v}]`, crash: true, line };
  }
  if (o.t === "none") return { t: "unknown", text: "None[\u2026]", crash: true, line };
  return { t: "unknown", text: "[\u2026]", line };
}
function switchOn(table, key, fallback, line) {
  const unsetKey = key.unset.t === "str" ? key.unset.v : void 0;
  let unset;
  if (unsetKey !== void 0)
    unset = table.entries.find((e) => e.key === unsetKey)?.value ?? fallback ?? { t: "unknown", text: "KeyError", crash: true, line };
  else if (key.unset.t === "none") {
    unset = fallback ?? { t: "unknown", text: "KeyError", crash: true, line };
    if (!fallback) markRequired(key.read);
  } else unset = fallback ?? { t: "unknown", text: "[\u2026]", line };
  const out = {
    t: "env",
    read: key.read,
    unset,
    cases: table.entries.map((e) => ({ value: e.key, v: e.value })),
    line
  };
  if (unsetKey !== void 0) out.unsetKey = unsetKey;
  return out;
}
function setIn(base, keys, value, line) {
  if (keys.length === 0) return value;
  const [key, ...rest] = keys;
  if (base.t === "dict") {
    const entries = base.entries.slice();
    const at = entries.findIndex((e) => e.key === key);
    if (at >= 0) entries[at] = { ...entries[at], value: setIn(entries[at].value, rest, value, line) };
    else entries.push({ key, value: rest.length ? { t: "unknown", text: `[${key}]`, line } : value, line });
    return { ...base, entries };
  }
  if (base.t === "choice" || base.t === "env") return lift(base, (b) => setIn(b, keys, value, line));
  if (base.t === "unknown" && !base.crash && rest.length === 0)
    return { t: "dict", entries: [{ key, value, line }], line };
  return { t: "unknown", text: `[${keys.join("][")}] = \u2026`, line };
}

// src/model/settings/environ.ts
function recordRead(reads, ctx, read) {
  const guarded = ctx.guarded.has(read.variable);
  const out = {
    variable: read.variable,
    via: read.via,
    line: read.line,
    required: read.required && !guarded,
    hasDefault: read.hasDefault,
    guarded
  };
  if (read.defaultText !== void 0) out.defaultText = read.defaultText;
  reads.push(out);
  return out;
}
function hasDefault(fallback) {
  return fallback !== void 0 && fallback.t !== "none";
}
function recordRequest(reads, ctx, request, required, defaultText) {
  const { variable, via, line, fallback } = request;
  return recordRead(reads, ctx, {
    variable,
    via,
    line,
    required,
    hasDefault: hasDefault(fallback),
    defaultText
  });
}
function readVariable(reads, ctx, request) {
  const { variable, fallback, line, failsWhenUnset } = request;
  const required = failsWhenUnset && !hasDefault(fallback);
  const read = recordRequest(reads, ctx, request, required, fallback?.t === "str" ? fallback.v : void 0);
  const unset = fallback ?? (failsWhenUnset ? { t: "unknown", text: `${variable} unset`, crash: true, line } : { t: "none", line });
  return { t: "env", read, unset, line };
}
var callOsEnviron = (recorder, ctx, name2, args, line) => {
  if (name2 !== "os.environ.get" && name2 !== "os.getenv" && name2 !== "os.environ.setdefault") return void 0;
  const [a0, a1] = args.pos;
  if (a0?.t !== "str") return void 0;
  const via = name2 === "os.getenv" ? "getenv" : "environ.get";
  const fallback = a1 ?? args.kw.get("default");
  return asText(
    readVariable(recorder.reads, ctx, { variable: a0.v, via, fallback, line, failsWhenUnset: false })
  );
};
function asText(v) {
  return v.t === "env" ? { ...v, whenSet: "text", probes: textProbes(v.line) } : v;
}
function subscriptOsEnviron(reads, ctx, key, line) {
  if (key.t !== "str") return void 0;
  return asText(readVariable(reads, ctx, { variable: key.v, via: "environ[]", line, failsWhenUnset: true }));
}
function presenceOfVariable(reads, ctx, variable, negated, line) {
  const read = recordRead(reads, ctx, { variable, via: "other", line, required: false, hasDefault: false });
  read.presence = true;
  return { t: "env", read, unset: { t: "bool", v: negated, line }, line };
}
function isOsEnviron(v) {
  return v.t === "ref" && v.name === "os.environ";
}

// src/model/settings/dj-database-url.ts
var URL_ENGINES = {
  postgres: "django.db.backends.postgresql",
  postgresql: "django.db.backends.postgresql",
  pgsql: "django.db.backends.postgresql",
  psql: "django.db.backends.postgresql",
  postgis: "django.contrib.gis.db.backends.postgis",
  mysql: "django.db.backends.mysql",
  mysql2: "django.db.backends.mysql",
  mysqlgis: "django.contrib.gis.db.backends.mysql",
  mariadb: "django.db.backends.mysql",
  oracle: "django.db.backends.oracle",
  oraclegis: "django.contrib.gis.db.backends.oracle",
  mssql: "mssql",
  cockroach: "django_cockroachdb",
  timescale: "timescale.db.backends.postgresql",
  sqlite: "django.db.backends.sqlite3",
  spatialite: "django.contrib.gis.db.backends.spatialite"
};
var callDjDatabaseUrl = (recorder, ctx, name2, args, line) => {
  const [a0] = args.pos;
  if (name2 === "dj_database_url.config") {
    const env = args.kw.get("env");
    const variable = env?.t === "str" ? env.v : "DATABASE_URL";
    const fallback = args.kw.get("default") ?? a0;
    return readDatabaseUrl(recorder.reads, ctx, {
      variable,
      via: "dj-database-url",
      fallback,
      line,
      failsWhenUnset: false
    });
  }
  if (name2 === "dj_database_url.parse") {
    const url = a0 ?? args.kw.get("url");
    return url ? parseDatabaseUrlValue(url, line) : void 0;
  }
  return void 0;
};
function readDatabaseUrl(reads, ctx, request) {
  const { variable, fallback, line } = request;
  const read = recordRequest(reads, ctx, request, !hasDefault(fallback), renderUrl(fallback));
  let unset;
  if (hasDefault(fallback)) unset = parseDatabaseUrl(fallback, line);
  else
    unset = request.failsWhenUnset ? { t: "unknown", text: `${variable} unset`, crash: true, line } : { t: "dict", entries: [], line };
  return { t: "env", read, unset, dbUrl: true, line };
}
function parseDatabaseUrlValue(url, line) {
  if (url.t === "env") {
    if (url.unset.t === "none") markRequired(url.read);
    return { ...url, unset: parseDatabaseUrl(url.unset, line), cases: void 0, dbUrl: true };
  }
  return parseDatabaseUrl(url, line);
}
function renderUrl(v) {
  if (!v) return void 0;
  if (v.t === "str") return v.v;
  if (v.t === "concat") return renderConcat(v);
  return void 0;
}
function parseDatabaseUrl(url, line) {
  if (url.t === "env" || url.t === "choice") return lift(url, (u) => parseDatabaseUrl(u, line));
  if (url.t === "none") return { t: "unknown", text: "parse(None)", crash: true, line };
  if (url.t === "unknown") return url;
  const head = url.t === "str" ? url.v : url.t === "concat" && url.parts[0]?.t === "str" ? url.parts[0].v : void 0;
  if (head === void 0) return { t: "unknown", text: "database URL", line };
  const schemeEnd = head.indexOf("://");
  if (schemeEnd < 0) return { t: "unknown", text: "database URL", line };
  const scheme = head.slice(0, schemeEnd).toLowerCase().split("+")[0];
  const engine = {
    key: "ENGINE",
    value: { t: "str", v: URL_ENGINES[scheme] ?? scheme, line },
    line
  };
  const afterScheme = head.slice(schemeEnd + 3);
  if (scheme === "sqlite" || scheme === "spatialite") return sqliteConfig(url, afterScheme, engine, line);
  if (url.t !== "str") return { t: "dict", entries: [engine], line };
  return { t: "dict", entries: [engine, ...serverFields(afterScheme, line)], line };
}
function sqliteConfig(url, afterScheme, engine, line) {
  const str = (v) => ({ t: "str", v, line });
  const slash = afterScheme.indexOf("/");
  const lead = slash < 0 ? "" : afterScheme.slice(slash + 1);
  let name2;
  if (url.t === "str") name2 = str(lead === "" || lead === ":memory:" ? ":memory:" : lead);
  else {
    const concat = {
      t: "concat",
      parts: [str(lead), ...url.parts.slice(1)],
      line
    };
    name2 = concatPath(concat) ?? { t: "unknown", text: renderConcat(concat), line };
  }
  return {
    t: "dict",
    entries: [
      engine,
      { key: "NAME", value: name2.t === "str" && name2.v.startsWith("/") ? asPath(name2, line) : name2, line }
    ],
    line
  };
}
function serverFields(afterScheme, line) {
  let parsed;
  try {
    parsed = new URL(`http://${afterScheme}`);
  } catch {
    return [];
  }
  const decode = (s) => {
    try {
      return decodeURIComponent(s);
    } catch {
      return s;
    }
  };
  const str = (v) => ({ t: "str", v, line });
  const entries = [];
  const name2 = decode(parsed.pathname.replace(/^\//, ""));
  if (name2) entries.push({ key: "NAME", value: str(name2), line });
  if (parsed.username) entries.push({ key: "USER", value: str(decode(parsed.username)), line });
  if (parsed.password) entries.push({ key: "PASSWORD", value: str(decode(parsed.password)), line });
  if (parsed.hostname) entries.push({ key: "HOST", value: str(decode(parsed.hostname)), line });
  if (parsed.port) entries.push({ key: "PORT", value: { t: "num", v: Number(parsed.port), line }, line });
  return entries;
}

// src/model/settings/decouple.ts
var callDecouple = (recorder, ctx, name2, args, line) => {
  switch (name2) {
    case "decouple.config":
      return config(recorder, ctx, args, line);
    case "decouple.AutoConfig":
    case "decouple.Config":
      return { t: "ref", name: "decouple.config", line };
    case "decouple.Csv":
      return { t: "ref", name: "decouple.Csv()", line };
    default:
      return void 0;
  }
};
function config(recorder, ctx, args, line) {
  const [a0, a1, a2] = args.pos;
  if (a0?.t !== "str") return void 0;
  const fallback = args.kw.get("default") ?? a1;
  const cast = args.kw.get("cast") ?? a2;
  const failsWhenUnset = fallback === void 0;
  const read = readVariable(recorder.reads, ctx, {
    variable: a0.v,
    via: "other",
    fallback,
    line,
    failsWhenUnset
  });
  if (read.t !== "env") return read;
  if (cast === void 0) return asText(read);
  if (cast.t !== "ref") return read;
  if (cast.name === "dj_database_url.parse") {
    read.read.via = "dj-database-url";
    return { ...read, unset: parseDatabaseUrl(read.unset, line), dbUrl: true };
  }
  return lift(read, (x) => {
    if (x.t === "unknown" && x.crash) return x;
    if (cast.name === "builtins.bool")
      return x.t === "str" ? decoupleBool(x, line) : callBuiltin("builtins.bool", x, line);
    if (cast.name === "decouple.Csv()")
      return x.t === "str" ? { t: "list", items: splitCsv(x.v).map((s) => ({ t: "str", v: s, line })), line } : x;
    return callBuiltin(cast.name, x, line);
  });
}
function decoupleBool(x, line) {
  const s = x.v.trim().toLowerCase();
  if (TRUE_WORDS.includes(s)) return { t: "bool", v: true, line };
  if (FALSE_WORDS.includes(s) || s === "") return { t: "bool", v: false, line };
  return { t: "unknown", text: "ValueError", crash: true, line };
}
function splitCsv(s) {
  return s.split(",").map((p) => p.trim()).filter((p) => p !== "");
}

// src/model/settings/django-environ.ts
var URL_DEFAULTS = {
  cache: "CACHE_URL",
  cache_url: "CACHE_URL",
  email: "EMAIL_URL",
  email_url: "EMAIL_URL",
  search_url: "SEARCH_URL"
};
var CAST_METHODS = "str bool int float list tuple dict json url path parse_value".split(" ");
var callDjangoEnviron = (recorder, _ctx, name2, args, line) => {
  if (name2 === "environ.Env") return newEnv(args, line);
  if (name2 !== "environ.Env.read_env" && name2 !== "environ.Env.read_dotenv") return void 0;
  recorder.dotenvLoads.push({ via: "django-environ", line });
  return { t: "none", line };
};
function newEnv(args, line) {
  const scheme = /* @__PURE__ */ new Map();
  for (const [key, v] of args.kw) {
    if (v.t === "list")
      scheme.set(key, { cast: v.items[0]?.t === "ref" ? v.items[0].name : void 0, def: v.items[1] });
    else if (v.t === "ref") scheme.set(key, { cast: v.name });
  }
  return { t: "envobj", scheme, line };
}
function callEnv(recorder, ctx, env, method, args, line) {
  const [a0, a1, a2] = args.pos;
  if (method === "read_env") {
    recorder.dotenvLoads.push({ via: "django-environ", line });
    return { t: "none", line };
  }
  if (["db", "db_url", "database_url"].includes(method)) {
    const name2 = a0 ?? args.kw.get("var");
    const variable2 = name2?.t === "str" ? name2.v : "DATABASE_URL";
    const fallback2 = a1 ?? args.kw.get("default");
    return readDatabaseUrl(recorder.reads, ctx, {
      variable: variable2,
      via: "django-environ",
      fallback: fallback2,
      line,
      failsWhenUnset: true
    });
  }
  let variable;
  let fallback;
  if (URL_DEFAULTS[method]) {
    variable = a0?.t === "str" ? a0.v : URL_DEFAULTS[method];
    fallback = a1 ?? args.kw.get("default");
  } else if (method === "__call__" || method === "get_value") {
    variable = a0?.t === "str" ? a0.v : void 0;
    fallback = args.kw.get("default") ?? a2;
  } else if (CAST_METHODS.includes(method)) {
    variable = a0?.t === "str" ? a0.v : void 0;
    fallback = a1 ?? args.kw.get("default");
  } else return void 0;
  if (variable === void 0) return void 0;
  if (fallback === void 0) fallback = env.scheme.get(variable)?.def;
  if (fallback?.t === "ref" && fallback.name.endsWith("NOTSET")) fallback = void 0;
  const failsWhenUnset = fallback === void 0;
  return readVariable(recorder.reads, ctx, {
    variable,
    via: "django-environ",
    fallback,
    line,
    failsWhenUnset
  });
}

// src/model/settings/operators.ts
function isScalar(v) {
  return v.t === "str" || v.t === "num" || v.t === "bool" || v.t === "none";
}
function equals(a, b) {
  if (!isScalar(a) || !isScalar(b)) return void 0;
  if (a.t === "none" || b.t === "none") return a.t === b.t;
  if (a.t === "str" || b.t === "str") return a.t === b.t && a.v === b.v;
  return Number(a.v) === Number(b.v);
}
function contains(container, item) {
  if (container.t === "none") return "crash";
  if (container.t === "str") return item.t === "str" ? container.v.includes(item.v) : void 0;
  if (container.t === "list") {
    let unknown = false;
    for (const i of container.items) {
      const eq = equals(i, item);
      if (eq === true) return true;
      if (eq === void 0) unknown = true;
    }
    return unknown ? void 0 : false;
  }
  if (container.t === "dict")
    return item.t === "str" ? container.entries.some((e) => e.key === item.v) : void 0;
  return void 0;
}
function add(x, y, line) {
  if (x.t === "str" && y.t === "str") return { t: "str", v: x.v + y.v, line };
  if (x.t === "num" && y.t === "num") return { t: "num", v: x.v + y.v, line };
  if (x.t === "list" && y.t === "list") return { t: "list", items: [...x.items, ...y.items], line };
  const stringy = (v) => v.t === "str" || v.t === "path" || v.t === "concat";
  if (stringy(x) && stringy(y)) {
    const parts = [...x.t === "concat" ? x.parts : [x], ...y.t === "concat" ? y.parts : [y]];
    return { t: "concat", parts, line };
  }
  if (x.t === "none" || y.t === "none") return { t: "unknown", text: "None +", crash: true, line };
  return { t: "unknown", text: "+", line };
}
function affix(a, b, line) {
  const plain2 = (v) => v.t === "env" && !v.cases && !v.dbUrl && !v.read.presence;
  const joined = (env, unset, prefix = "", suffix = "") => {
    if (unset.t === "unknown" && unset.crash && env.unset.t === "none") markRequired(env.read);
    const { probes: _stale, ...rest } = env;
    return {
      ...rest,
      // A read that fails when unset (os.environ['X']) still does with text around it.
      unset: env.unset.t === "unknown" && env.unset.crash ? env.unset : unset,
      prefix: prefix + (env.prefix ?? ""),
      suffix: (env.suffix ?? "") + suffix,
      line
    };
  };
  if (a.t === "str" && b.t === "env" && plain2(b)) return joined(b, add(a, b.unset, line), a.v);
  if (b.t === "str" && a.t === "env" && plain2(a)) return joined(a, add(a.unset, b, line), "", b.v);
  return void 0;
}
function mergeDicts(a, b, line) {
  if (a.t === "dict" && b.t === "dict") {
    const entries = a.entries.filter((e) => !b.entries.some((f) => f.key === e.key));
    return { t: "dict", entries: [...entries, ...b.entries], line: a.line };
  }
  if (b.t === "dict" && b.entries.length === 0) return a;
  return { t: "unknown", text: ".update()", line };
}
function interpolate(template, placeholder, args, line) {
  const parts = template.v.split(placeholder);
  if (parts.length !== 2 || args.length !== 1 || /[{}%]/.test(parts.join(""))) return void 0;
  const [arg] = args;
  const filled = (v) => v.t === "str" || v.t === "unknown" && v.crash;
  if (arg.t !== "str" && !(arg.t === "env" && filled(arg.unset))) return void 0;
  const text = (v) => ({ t: "str", v, line });
  return binary(binary(text(parts[0]), "+", arg, line), "+", text(parts[1]), line);
}
function binary(a, op, b, line) {
  if (op === "+") {
    const affixed = affix(a, b, line);
    if (affixed) return affixed;
  }
  if (op === "%" && a.t === "str" && b.t !== "list" && b.t !== "dict") {
    const filled = interpolate(a, /%s/, [b], line);
    if (filled) return filled;
  }
  return lift(a, (x) => lift(b, (y) => scalarBinary(x, op, y, line)));
}
function scalarBinary(x, op, y, line) {
  switch (op) {
    case "==":
    case "!=": {
      const eq = equals(x, y);
      return eq === void 0 ? { t: "unknown", text: op, line } : { t: "bool", v: op === "==" ? eq : !eq, line };
    }
    case "in":
    case "not in": {
      const has = contains(y, x);
      if (has === "crash") return { t: "unknown", text: "in None", crash: true, line };
      return has === void 0 ? { t: "unknown", text: op, line } : { t: "bool", v: op === "in" ? has : !has, line };
    }
    case "is":
    case "is not": {
      const same = x.t === "none" || y.t === "none" ? x.t === y.t : void 0;
      return same === void 0 ? { t: "unknown", text: op, line } : { t: "bool", v: op === "is" ? same : !same, line };
    }
    case "+":
      return add(x, y, line);
    case "/":
      if (x.t === "path") return join2(x, y, line);
      break;
    case "-":
      if (x.t === "path" && y.t === "num" && Number.isInteger(y.v) && y.v >= 0) return ancestor(x, y.v, line);
      if (x.t === "num" && y.t === "num") return { t: "num", v: x.v - y.v, line };
      break;
    case "*":
      if (x.t === "num" && y.t === "num") return { t: "num", v: x.v * y.v, line };
      break;
  }
  if (x.t === "none" || y.t === "none") return { t: "unknown", text: `None ${op}`, crash: true, line };
  return { t: "unknown", text: op, line };
}
function mutate(current, method, args, line) {
  const [a0, a1] = args.pos;
  if (method === "append" && a0) return add(current, { t: "list", items: [a0], line }, line);
  if (method === "insert" && a1) return add({ t: "list", items: [a1], line }, current, line);
  if (method === "extend" && a0) return add(current, a0, line);
  if (method === "update" && a0) {
    if (a0.t === "env" && a0.dbUrl) return { ...a0, unset: mergeDicts(current, a0.unset, line) };
    return lift(a0, (x) => mergeDicts(current, x, line));
  }
  return { t: "unknown", text: `.${method}()`, line };
}

// src/model/settings/calls.ts
var callDotenv = (recorder, _ctx, name2, _args, line) => {
  if (!["dotenv.load_dotenv", "dotenv.read_dotenv", "dotenv.main.load_dotenv"].includes(name2))
    return void 0;
  recorder.dotenvLoads.push({ via: "python-dotenv", line });
  return { t: "none", line };
};
var callLoggingConfig = (recorder, _ctx, name2, args, line) => {
  if (name2 !== "logging.config.dictConfig") return void 0;
  if (args.pos[0]) recorder.loggingConfigs.push(args.pos[0]);
  return { t: "none", line };
};
var LIBRARIES = [
  callOsEnviron,
  callPathFunction,
  callBuiltinFunction,
  callDjDatabaseUrl,
  callDjangoEnviron,
  callDotenv,
  callDecouple,
  callLoggingConfig
];
function callByName(recorder, ctx, name2, args, line) {
  for (const call2 of LIBRARIES) {
    const value = call2(recorder, ctx, name2, args, line);
    if (value) return value;
  }
  return void 0;
}
function callMethod(recorder, ctx, o, method, args, line) {
  if (o.t === "envobj") return callEnv(recorder, ctx, o, method, args, line);
  if (o.t === "dict" && method === "get" && args.pos[0]) {
    const key = args.pos[0];
    const fallback = args.pos[1] ?? { t: "none", line };
    if (key.t === "env") return switchOn(o, key, fallback, line);
    if (key.t === "str") return o.entries.find((e) => e.key === key.v)?.value ?? fallback;
    return void 0;
  }
  if ((o.t === "dict" || o.t === "list") && method === "copy") return o;
  if (o.t === "env" || o.t === "choice")
    return lift(
      o,
      (x) => callMethod(recorder, ctx, x, method, args, line) ?? { t: "unknown", text: `.${method}()`, line }
    );
  if (o.t === "none") return { t: "unknown", text: `None.${method}()`, crash: true, line };
  if (o.t === "path") return callPathMethod(o, method, args, line);
  if (o.t === "str" && method === "format") return interpolate(o, /\{0?\}/, args.pos, line);
  if (o.t === "str") return callStrMethod(o, method, args, line);
  return void 0;
}

// src/model/settings/functions.ts
var MAX_CALL_DEPTH = 3;
function parameters(ev, list, ctx) {
  const out = [];
  const kids = childrenOf(list);
  for (let i = 0; i < kids.length; i++) {
    const k = kids[i];
    if (k.name === "*" || k.name === "**") {
      i++;
      continue;
    }
    if (k.name !== "VariableName") continue;
    const param = { name: ev.text(k) };
    let j = i + 1;
    if (kids[j]?.name === "TypeDef") j++;
    if (kids[j]?.name === "AssignOp" && kids[j + 1]) {
      param.def = ev.evaluate(kids[j + 1], ctx);
      j++;
    }
    out.push(param);
    i = j;
  }
  return out;
}
function callFunction(ev, f, args, line, ctx) {
  if (ev.callDepth >= MAX_CALL_DEPTH) return { t: "unknown", text: "call", line };
  const scope = new Map(ctx.scope);
  f.params.forEach((p, i) => {
    const v = args.kw.get(p.name) ?? args.pos[i] ?? p.def ?? { t: "unknown", text: p.name, line };
    scope.set(p.name, { v, origins: [] });
  });
  const readsBefore = ev.reads.length;
  const runner = new BodyRunner(ev, { ...ctx, scope, inFunction: true });
  const returns = runner.returns;
  ev.callDepth++;
  let falloff;
  try {
    falloff = runner.run(f.body, true);
  } finally {
    ev.callDepth--;
  }
  if (falloff !== false) returns.push({ v: { t: "none", line }, reached: falloff });
  let result;
  for (const r of returns) {
    if (r.reached === false) continue;
    result = r.reached === true ? r.v : void 0;
    break;
  }
  for (const r of ev.reads.slice(readsBefore)) r.line = line;
  const value = result ? { ...result, line } : { t: "unknown", text: "call", line };
  const read = ev.reads[readsBefore];
  if (read && value.t === "unknown" && value.crash) markRequired(read);
  if (read && value.t !== "env") return { t: "env", read, unset: value, line };
  return value;
}
function blockKeyword(parts, at) {
  return parts.slice(0, at).reverse().find((c) => ["try", "except", "else", "finally"].includes(c.name))?.name;
}
var BodyRunner = class {
  constructor(ev, ctx) {
    this.ev = ev;
    this.ctx = ctx;
  }
  ev;
  ctx;
  returns = [];
  /** Runs the statements of a block reached as `reached` says; says whether its end is reached. */
  run(body, reached) {
    const { ev, ctx } = this;
    for (const stmt of childrenOf(body)) {
      if (stmt.name === ":") continue;
      if (reached === false) return false;
      switch (stmt.name) {
        case "ReturnStatement": {
          const expr = childrenOf(stmt)[1];
          this.returns.push({
            v: expr ? ev.evaluate(expr, ctx) : { t: "none", line: ev.line(stmt) },
            reached
          });
          return false;
        }
        case "RaiseStatement":
          this.returns.push({
            v: { t: "unknown", text: "raise", crash: true, line: ev.line(stmt) },
            reached
          });
          return false;
        case "TryStatement":
          reached = this.runTry(stmt, reached);
          break;
        case "WithStatement":
        case "ForStatement":
        case "WhileStatement": {
          const inner = childrenOf(stmt).find((c) => c.name === "Body");
          if (inner) {
            const loop = stmt.name !== "WithStatement";
            const end = this.run(inner, loop ? void 0 : reached);
            reached = loop ? reached : end;
          }
          break;
        }
        case "IfStatement":
          reached = this.runIf(stmt, reached);
          break;
        default:
          ev.executeOrSkip(stmt, ctx);
      }
    }
    return reached;
  }
  runTry(stmt, reached) {
    let afterTry = reached;
    let after = false;
    const parts = childrenOf(stmt);
    for (const [i, k] of parts.entries()) {
      if (k.name !== "Body") continue;
      const keyword2 = blockKeyword(parts, i);
      if (keyword2 === "try") after = afterTry = this.run(k, reached);
      else if (keyword2 === "except") after = truthOr(after, this.run(k, void 0));
      else after = this.run(k, afterTry);
    }
    return after === false && afterTry !== false ? afterTry : after;
  }
  runIf(stmt, reached) {
    const kids = childrenOf(stmt);
    let previousFalse = true;
    let after = false;
    let hasElse = false;
    for (let i = 0; i < kids.length; i++) {
      const k = kids[i].name;
      let test;
      let branchBody;
      if ((k === "if" || k === "elif") && kids[i + 2]?.name === "Body") {
        test = truthy(this.ev.evaluate(kids[i + 1], this.ctx));
        branchBody = kids[i + 2];
        i += 2;
      } else if (k === "else" && kids[i + 1]?.name === "Body") {
        test = true;
        hasElse = true;
        branchBody = kids[i + 1];
        i += 1;
      } else continue;
      const branchReached = truthAnd(reached, truthAnd(previousFalse, test));
      after = truthOr(after, this.run(branchBody, branchReached));
      previousFalse = truthAnd(previousFalse, truthNot(test));
    }
    if (!hasElse) after = truthOr(after, truthAnd(reached, previousFalse));
    return after;
  }
};

// src/model/settings/expressions.ts
function evalExpression(ev, node, ctx) {
  const line = ev.line(node);
  switch (node.name) {
    case "String":
      return stringLiteral(ev, node) ?? ev.unknown(node);
    case "FormatString":
      return formatString(ev, node, ctx);
    case "ContinuedString":
      return childrenOf(node).reduce((acc, c) => binary(acc, "+", ev.evaluate(c, ctx), line), {
        t: "str",
        v: "",
        line
      });
    case "Number": {
      const n = parseNumber(ev.text(node));
      return n === void 0 ? ev.unknown(node) : { t: "num", v: n, line };
    }
    case "Boolean":
      return { t: "bool", v: ev.text(node) === "True", line };
    case "None":
      return { t: "none", line };
    case "VariableName":
      return ev.lookup(ev.text(node), line, ctx);
    case "ParenthesizedExpression": {
      const inner = childrenOf(node).filter((c) => c.name !== "(" && c.name !== ")");
      return inner.length === 1 ? ev.evaluate(inner[0], ctx) : ev.unknown(node);
    }
    case "ArrayExpression":
    case "TupleExpression":
    case "SetExpression": {
      const items = childrenOf(node).filter((c) => !["[", "]", "(", ")", "{", "}", ","].includes(c.name));
      if (items.some((c) => c.name === "*")) return ev.unknown(node);
      return { t: "list", items: items.map((c) => ev.evaluate(c, ctx)), line };
    }
    case "DictionaryExpression":
      return dictionary(ev, node, ctx);
    case "MemberExpression":
      return member(ev, node, ctx);
    case "CallExpression":
      return call(ev, node, ctx);
    case "BinaryExpression":
      return binaryExpression(ev, node, ctx);
    case "UnaryExpression":
      return unaryExpression(ev, node, ctx);
    case "ConditionalExpression":
      return conditionalExpression(ev, node, ctx);
    case "NamedExpression": {
      const kids = childrenOf(node);
      return ev.evaluate(kids[kids.length - 1], ctx);
    }
    default:
      return ev.unknown(node);
  }
}
function stringLiteral(ev, node) {
  const parts = stringParts(ev.text(node));
  if (!parts) return void 0;
  return { t: "str", v: unescapeBody(parts.body, parts.prefix.includes("r")), line: ev.line(node) };
}
function operatorOf(ev, kids) {
  return kids.slice(1, -1).map((c) => ev.text(c)).join(" ");
}
function binaryExpression(ev, node, ctx) {
  const line = ev.line(node);
  const kids = childrenOf(node);
  if (kids.length < 3) return ev.unknown(node);
  const op = operatorOf(ev, kids);
  const left = ev.evaluate(kids[0], ctx);
  if (op === "or" || op === "and") {
    const right = ev.evaluate(kids[kids.length - 1], ctx);
    return lift(left, (l) => {
      const t2 = truthy(l);
      if (t2 === void 0) return { t: "unknown", text: ev.text(node).slice(0, MAX_TEXT), line };
      return op === "or" === t2 ? l : right;
    });
  }
  if ((op === "in" || op === "not in") && kids[0].name === "String") {
    const right = ev.evaluate(kids[kids.length - 1], ctx);
    if (isOsEnviron(right) && left.t === "str")
      return presenceOfVariable(ev.reads, ctx, left.v, op === "not in", line);
    return binary(left, op, right, line);
  }
  return binary(left, op, ev.evaluate(kids[kids.length - 1], ctx), line);
}
function unaryExpression(ev, node, ctx) {
  const line = ev.line(node);
  const kids = childrenOf(node);
  const op = kids[0] ? ev.text(kids[0]) : "";
  const operand = kids[1] ? ev.evaluate(kids[1], ctx) : ev.unknown(node);
  return lift(operand, (x) => {
    if (op === "not") return notValue(x, line);
    if (op === "-" && x.t === "num") return { t: "num", v: -x.v, line };
    if (op === "+" && x.t === "num") return x;
    return { t: "unknown", text: ev.text(node).slice(0, MAX_TEXT), line };
  });
}
function conditionalExpression(ev, node, ctx) {
  const line = ev.line(node);
  const kids = childrenOf(node).filter((c) => c.name !== "if" && c.name !== "else");
  if (kids.length !== 3) return ev.unknown(node);
  const whenTrue = ev.evaluate(kids[0], ctx);
  const test = ev.evaluate(kids[1], ctx);
  const whenFalse = ev.evaluate(kids[2], ctx);
  return lift(test, (c) => {
    const t2 = truthy(c);
    if (t2 === void 0)
      return choice(
        [
          { v: whenTrue, activeWhenUnset: void 0 },
          { v: whenFalse, activeWhenUnset: void 0 }
        ],
        line
      );
    return t2 ? whenTrue : whenFalse;
  });
}
function evalTest(ev, node, ctx) {
  const line = ev.line(node);
  const kids = childrenOf(node);
  if (node.name === "ParenthesizedExpression" && kids.length === 3) return evalTest(ev, kids[1], ctx);
  if (node.name === "UnaryExpression" && kids[0] && ev.text(kids[0]) === "not" && kids[1]) {
    const r = evalTest(ev, kids[1], ctx);
    return { v: lift(r.v, (x) => notValue(x, line)), cond: r.cond ? negateCondition(r.cond) : void 0 };
  }
  if (node.name === "BinaryExpression" && kids.length >= 3) {
    const op = operatorOf(ev, kids);
    if ((op === "is" || op === "is not") && kids[kids.length - 1].name === "None") {
      const v2 = ev.evaluate(node, ctx);
      if (v2.t !== "env") return { v: v2 };
      return { v: v2, cond: { variable: v2.read.variable, value: "", test: op === "is" ? "unset" : "set", line } };
    }
    if (["==", "!=", "in", "not in"].includes(op)) return comparisonTest(ev, node, kids, op, ctx);
  }
  const v = ev.evaluate(node, ctx);
  if (v.t === "env") return { v, cond: { variable: v.read.variable, value: "", test: "set", line } };
  return { v };
}
function comparisonTest(ev, node, kids, op, ctx) {
  const line = ev.line(node);
  const v = ev.evaluate(node, ctx);
  const left = v.t === "env" ? v : void 0;
  if (left && (op === "in" || op === "not in") && left.read.presence)
    return {
      v,
      cond: { variable: left.read.variable, value: "", test: op === "in" ? "set" : "unset", line }
    };
  const literal2 = literalOperand(
    ev,
    op === "==" || op === "!=" ? [kids[0], kids[kids.length - 1]] : [kids[kids.length - 1]],
    ctx
  );
  if (left && literal2 !== void 0) {
    const test = op === "==" || op === "in" ? "equals" : "not-equals";
    return { v, cond: { variable: left.read.variable, value: literal2, test, line } };
  }
  return { v };
}
function literalOperand(ev, nodes, ctx) {
  for (const n of nodes) {
    if (n.name === "String") {
      const s = stringLiteral(ev, n);
      if (s?.t === "str") return s.v;
    }
    if (n.name === "TupleExpression" || n.name === "ArrayExpression" || n.name === "SetExpression") {
      const v = ev.evaluate(n, ctx);
      if (v.t === "list" && v.items[0]?.t === "str") return v.items[0].v;
    }
  }
  return void 0;
}
function formatString(ev, node, ctx) {
  const line = ev.line(node);
  const parts = stringParts(ev.text(node));
  if (!parts) return ev.unknown(node);
  const isRaw = parts.prefix.includes("r");
  const bodyStart = node.from + parts.prefix.length + parts.quote.length;
  const bodyEnd = node.to - parts.quote.length;
  const pieces = [];
  let at = bodyStart;
  const literal2 = (from, to) => {
    if (to <= from) return;
    const text = unescapeBody(ev.py.text.slice(from, to), isRaw).replaceAll("{{", "{").replaceAll("}}", "}");
    pieces.push({ t: "str", v: text, line });
  };
  for (const rep of childrenOf(node)) {
    if (rep.name !== "FormatReplacement") continue;
    literal2(at, rep.from);
    at = rep.to;
    const inner = childrenOf(rep).filter((c) => c.name !== "{" && c.name !== "}");
    if (inner.length !== 1) {
      pieces.push({ t: "unknown", text: ev.text(rep), line });
      continue;
    }
    pieces.push(callBuiltin("builtins.str", ev.evaluate(inner[0], ctx), line));
  }
  literal2(at, bodyEnd);
  return pieces.reduce((acc, p) => binary(acc, "+", p, line), { t: "str", v: "", line });
}
function dictionary(ev, node, ctx) {
  const kids = childrenOf(node).filter((c) => c.name !== "{" && c.name !== "}" && c.name !== ",");
  const entries = [];
  for (let i = 0; i < kids.length; i++) {
    const k = kids[i];
    if (k.name === "**") {
      i++;
      continue;
    }
    if (kids[i + 1]?.name !== ":" || !kids[i + 2]) return ev.unknown(node);
    const key = ev.evaluate(k, ctx);
    const value = ev.evaluate(kids[i + 2], ctx);
    if (key.t === "str") {
      const existing = entries.findIndex((e) => e.key === key.v);
      if (existing >= 0) entries.splice(existing, 1);
      entries.push({ key: key.v, value, line: ev.line(k) });
    }
    i += 2;
  }
  return { t: "dict", entries, line: ev.line(node) };
}
function member(ev, node, ctx) {
  const kids = childrenOf(node);
  const line = ev.line(node);
  if (kids[1]?.name === "." && kids[2]) return attribute(ev.evaluate(kids[0], ctx), ev.text(kids[2]), line);
  if (kids[1]?.name === "[" && kids.length === 4) {
    const obj = ev.evaluate(kids[0], ctx);
    if (isOsEnviron(obj))
      return subscriptOsEnviron(ev.reads, ctx, ev.evaluate(kids[2], ctx), line) ?? ev.unknown(node);
    return subscript2(obj, ev.evaluate(kids[2], ctx), line);
  }
  return ev.unknown(node);
}
function callArguments(ev, argList, ctx) {
  const pos = [];
  const kw = /* @__PURE__ */ new Map();
  const kids = childrenOf(argList).filter((c) => c.name !== "(" && c.name !== ")" && c.name !== ",");
  for (let i = 0; i < kids.length; i++) {
    const c = kids[i];
    if (c.name === "*" || c.name === "**") {
      i++;
      continue;
    }
    if (c.name === "VariableName" && kids[i + 1]?.name === "AssignOp" && kids[i + 2]) {
      kw.set(ev.text(c), ev.evaluate(kids[i + 2], ctx));
      i += 2;
      continue;
    }
    pos.push(ev.evaluate(c, ctx));
  }
  return { pos, kw };
}
function call(ev, node, ctx) {
  const [callee, argList] = childrenOf(node);
  const line = ev.line(node);
  if (!callee || !argList || argList.name !== "ArgList") return ev.unknown(node);
  const calleeKids = childrenOf(callee);
  let result;
  if (callee.name === "MemberExpression" && calleeKids[1]?.name === "." && calleeKids[2]) {
    const obj = ev.evaluate(calleeKids[0], ctx);
    const method = ev.text(calleeKids[2]);
    const args = callArguments(ev, argList, ctx);
    result = obj.t === "ref" ? callByName(ev, ctx, `${obj.name}.${method}`, args, line) : callMethod(ev, ctx, obj, method, args, line);
  } else {
    const f = ev.evaluate(callee, ctx);
    const args = callArguments(ev, argList, ctx);
    if (f.t === "ref") result = callByName(ev, ctx, f.name, args, line);
    else if (f.t === "envobj") result = callEnv(ev, ctx, f, "__call__", args, line);
    else if (f.t === "func") result = callFunction(ev, f, args, line, ctx);
    else if (f.t === "path") result = joinAll(f, args.pos, line);
  }
  if (!result || result.t === "unknown" && !result.crash && result.text === "") return ev.unknown(node);
  return result;
}

// src/model/settings/statements.ts
var SETTING_NAME = /^[A-Z][A-Z0-9_]*$/;
var MAX_ORIGINS = 64;
function execStatement(ev, node, ctx) {
  switch (node.name) {
    case "AssignStatement":
      return execAssign(ev, node, ctx);
    case "UpdateStatement":
      return execUpdate(ev, node, ctx);
    case "ExpressionStatement":
      return execExpression(ev, node, ctx);
    case "ImportStatement":
      return execImport(ev, node, ctx);
    case "IfStatement":
      return execIf(ev, node, ctx);
    case "TryStatement":
      return execTry(ev, node, ctx);
    case "WithStatement":
      for (const c of childrenOf(node)) if (c.name === "Body") ev.executeBody(c, ctx);
      return;
    case "ForStatement":
    case "WhileStatement": {
      const body = childrenOf(node).find((c) => c.name === "Body");
      if (body) execMaybe(ev, body, ctx);
      return;
    }
    case "StatementGroup":
      for (const c of childrenOf(node)) execStatement(ev, c, ctx);
      return;
    case "FunctionDefinition":
      return execDef(ev, node, ctx);
    case "ClassDefinition": {
      const name2 = childrenOf(node).find((c) => c.name === "VariableName");
      if (name2) ctx.scope.set(ev.text(name2), { v: ev.unknown(node), origins: [] });
      return;
    }
    default:
      return;
  }
}
function execDef(ev, node, ctx) {
  const kids = childrenOf(node);
  const name2 = kids.find((c) => c.name === "VariableName");
  const params = kids.find((c) => c.name === "ParamList");
  const body = kids.find((c) => c.name === "Body");
  if (!name2) return;
  const v = params && body && !ctx.inFunction ? { t: "func", params: parameters(ev, params, ctx), body, line: ev.line(node) } : ev.unknown(node);
  ctx.scope.set(ev.text(name2), { v, origins: [] });
}
function execMaybe(ev, body, ctx) {
  const child = {
    ...ctx,
    scope: new Map(ctx.scope),
    inBranch: true,
    activeWhenUnset: void 0
  };
  ev.executeBody(body, child);
  merge(ctx.scope, [
    { scope: child.scope, activeWhenUnset: void 0 },
    { scope: ctx.scope, activeWhenUnset: void 0 }
  ]);
}
function execAssign(ev, node, ctx) {
  const segments = [[]];
  let valueHasComma = false;
  for (const c of childrenOf(node)) {
    if (c.name === "AssignOp") {
      segments.push([]);
      valueHasComma = false;
    } else if (c.name === ",") valueHasComma = true;
    else if (c.name !== "TypeDef") segments[segments.length - 1].push(c);
  }
  if (segments.length < 2) return;
  const valueNodes = segments.pop();
  if (valueNodes.length === 0) return;
  const value = valueNodes.length === 1 && !valueHasComma ? ev.evaluate(valueNodes[0], ctx) : { t: "list", items: valueNodes.map((n) => ev.evaluate(n, ctx)), line: ev.line(valueNodes[0]) };
  const line = ev.line(node);
  for (const targets of segments) {
    if (targets.length === 1) assignTarget(ev, targets[0], value, ctx, line);
    else
      targets.forEach(
        (t2, i) => assignTarget(
          ev,
          t2,
          value.t === "list" && value.items.length === targets.length ? value.items[i] : ev.unknown(t2),
          ctx,
          line
        )
      );
  }
}
function execUpdate(ev, node, ctx) {
  const kids = childrenOf(node);
  const op = kids.find((c) => c.name === "UpdateOp");
  if (!op || kids.length < 3) return;
  const value = ev.evaluate(kids[kids.length - 1], ctx);
  const chain2 = targetChain(ev, kids[0], ctx);
  if (!chain2) return;
  const current = getIn(ev, chain2, ctx);
  const line = ev.line(node);
  const updated = binary(current, ev.text(op).slice(0, -1), value, line);
  update(ev, chain2, updated, ctx, line);
}
function execExpression(ev, node, ctx) {
  const expr = childrenOf(node)[0];
  if (!expr) return;
  if (expr.name === "CallExpression") {
    const [callee, argList] = childrenOf(expr);
    const calleeKids = callee ? childrenOf(callee) : [];
    if (callee?.name === "MemberExpression" && calleeKids[1]?.name === "." && argList) {
      const method = ev.text(calleeKids[2]);
      const chain2 = ["append", "extend", "update", "insert"].includes(method) ? targetChain(ev, calleeKids[0], ctx) : void 0;
      if (chain2) {
        const args = callArguments(ev, argList, ctx);
        const current = getIn(ev, chain2, ctx);
        const line = ev.line(node);
        update(ev, chain2, mutate(current, method, args, line), ctx, line);
        return;
      }
    }
  }
  ev.evaluate(expr, ctx);
}
function execImport(ev, node, ctx) {
  const kids = childrenOf(node);
  if (kids[0]?.name === "from") execFromImport(ev, kids, ctx, ev.line(node));
  else execPlainImport(ev, kids, ctx, ev.line(node));
}
function execFromImport(ev, kids, ctx, line) {
  const importAt = kids.findIndex((c) => c.name === "import");
  if (importAt < 0) return;
  const moduleName = kids.slice(1, importAt).map((c) => c.name === "Ellipsis" ? "..." : ev.text(c)).join("");
  const names = kids.slice(importAt + 1).filter((c) => c.name !== "(" && c.name !== ")");
  for (let i = 0; i < names.length; i++) {
    const c = names[i];
    if (c.name === "*") {
      ev.starImports.push({ module: moduleName, line });
      continue;
    }
    if (c.name !== "VariableName") continue;
    let alias = ev.text(c);
    const imported = alias;
    if (names[i + 1]?.name === "as" && names[i + 2]) {
      alias = ev.text(names[i + 2]);
      i += 2;
    }
    const v = moduleName.startsWith(".") ? imported === "env" ? { t: "envobj", scheme: /* @__PURE__ */ new Map(), line } : imported === "BASE_DIR" ? { t: "path", base: "BASE_DIR", parts: [], line } : ev.unknown(c) : { t: "ref", name: `${moduleName}.${imported}`, line };
    ctx.scope.set(alias, { v, origins: [] });
    if (moduleName === "decouple" && !ev.dotenvLoads.some((d) => d.via === "python-decouple"))
      ev.dotenvLoads.push({ via: "python-decouple", line });
  }
}
function execPlainImport(ev, kids, ctx, line) {
  let dotted = [];
  let alias;
  const flush = () => {
    if (dotted.length === 0) return;
    const full = dotted.join(".");
    if (alias) ctx.scope.set(alias, { v: { t: "ref", name: full, line }, origins: [] });
    else ctx.scope.set(dotted[0], { v: { t: "ref", name: dotted[0], line }, origins: [] });
    dotted = [];
    alias = void 0;
  };
  for (let i = 1; i < kids.length; i++) {
    const c = kids[i];
    if (c.name === ",") flush();
    else if (c.name === "as" && kids[i + 1]) alias = ev.text(kids[++i]);
    else if (c.name === "VariableName") dotted.push(ev.text(c));
  }
  flush();
}
function execIf(ev, node, ctx) {
  const kids = childrenOf(node);
  const branches = [];
  for (let i = 0; i < kids.length; i++) {
    const k = kids[i].name;
    if ((k === "if" || k === "elif") && kids[i + 2]?.name === "Body") {
      branches.push({ test: kids[i + 1], body: kids[i + 2] });
      i += 2;
    } else if (k === "else" && kids[i + 1]?.name === "Body") {
      branches.push({ body: kids[i + 1] });
      i += 1;
    }
  }
  const results = [];
  let previousFalse = true;
  let previous = [];
  for (const b of branches) {
    let cond;
    let testTrue = true;
    let condText;
    if (b.test) {
      const r = evalTest(ev, b.test, ctx);
      cond = r.cond;
      testTrue = truthy(r.v);
      condText = ev.text(b.test).slice(0, MAX_TEXT);
    } else {
      cond = otherwiseCondition(previous, ev.line(b.body));
      condText = "else";
    }
    const active = truthAnd(ctx.activeWhenUnset, truthAnd(previousFalse, testTrue));
    const guarded = new Set(ctx.guarded);
    if (cond && (cond.test === "equals" || cond.test === "set")) guarded.add(cond.variable);
    const child = {
      scope: new Map(ctx.scope),
      inBranch: true,
      activeWhenUnset: active,
      cond: cond ?? ctx.cond,
      condText: cond ? condText : ctx.condText,
      guarded
    };
    ev.executeBody(b.body, child);
    results.push({ scope: child.scope, when: cond, activeWhenUnset: active });
    previousFalse = truthAnd(previousFalse, truthNot(testTrue));
    if (previous && cond) previous.push(cond);
    else previous = void 0;
  }
  if (!branches.some((b) => !b.test))
    results.push({
      scope: ctx.scope,
      when: otherwiseCondition(previous, ev.line(node)),
      activeWhenUnset: truthAnd(ctx.activeWhenUnset, previousFalse)
    });
  merge(ctx.scope, results);
}
function execTry(ev, node, ctx) {
  const kids = childrenOf(node);
  for (let i = 0; i < kids.length; i++) {
    const k = kids[i];
    if (k.name !== "Body") continue;
    if (blockKeyword(kids, i) === "except") execMaybe(ev, k, ctx);
    else ev.executeBody(k, ctx);
  }
}
function merge(scope, results) {
  const names = /* @__PURE__ */ new Set();
  for (const r of results) for (const [name2, b] of r.scope) if (scope.get(name2) !== b) names.add(name2);
  for (const name2 of names) {
    const bindings = results.map((r) => r.scope.get(name2));
    const origins = unionOrigins(bindings.map((b) => b?.origins ?? []));
    const first = bindings[0];
    if (first && bindings.every((b) => b?.v === first.v)) {
      scope.set(name2, { v: first.v, origins });
      continue;
    }
    const line = bindings.find((b) => b)?.v.line ?? 1;
    const options = results.map((r, i) => ({
      v: bindings[i]?.v ?? { t: "unknown", text: "(not set)", line },
      when: r.when,
      activeWhenUnset: r.activeWhenUnset
    }));
    scope.set(name2, { v: choice(options, line), origins });
  }
}
function unionOrigins(lists) {
  const all = /* @__PURE__ */ new Set();
  for (const list of lists) for (const i of list) all.add(i);
  const out = [...all].sort((a, b) => a - b);
  return out.length > MAX_ORIGINS ? out.slice(-MAX_ORIGINS) : out;
}
function assignTarget(ev, target, value, ctx, line) {
  if (target.name === "VariableName") {
    bind(ev, ev.text(target), value, ctx, line, true);
    return;
  }
  const chain2 = targetChain(ev, target, ctx);
  if (chain2 && chain2.keys.length > 0) {
    const current = ctx.scope.get(chain2.root)?.v ?? ev.lookup(chain2.root, line, ctx);
    update(ev, chain2, setIn(current, chain2.keys, value, line), ctx, line, true);
  }
}
function targetChain(ev, node, ctx) {
  const keys = [];
  let n = node;
  while (n && n.name === "MemberExpression") {
    const kids = childrenOf(n);
    if (kids[1]?.name !== "[" || kids.length !== 4) return void 0;
    const key = ev.evaluate(kids[2], ctx);
    if (key.t !== "str") return void 0;
    keys.unshift(key.v);
    n = kids[0];
  }
  if (!n || n.name !== "VariableName") return void 0;
  return { root: ev.text(n), keys };
}
function getIn(ev, chain2, ctx) {
  let v = ctx.scope.get(chain2.root)?.v ?? ev.lookup(chain2.root, 1, ctx);
  for (const k of chain2.keys) v = subscript2(v, { t: "str", v: k, line: v.line }, v.line);
  return v;
}
function update(ev, chain2, value, ctx, line, valueIsWhole = false) {
  if (chain2.keys.length === 0) {
    bind(ev, chain2.root, value, ctx, line, false);
    return;
  }
  const current = ctx.scope.get(chain2.root)?.v ?? ev.lookup(chain2.root, line, ctx);
  bind(ev, chain2.root, valueIsWhole ? value : setIn(current, chain2.keys, value, line), ctx, line, false);
}
function bind(ev, name2, v, ctx, line, replace) {
  const previous = ctx.scope.get(name2);
  let origins = [];
  if (ctx.inFunction) {
    ctx.scope.set(name2, { v, origins });
    return;
  }
  if (SETTING_NAME.test(name2)) {
    const index = ev.recorded.push({
      name: name2,
      line,
      v,
      cond: ctx.cond,
      condText: ctx.condText,
      inBranch: ctx.inBranch,
      activeWhenUnset: ctx.activeWhenUnset
    }) - 1;
    origins = replace ? [index] : unionOrigins([previous?.origins ?? [], [index]]);
  }
  ctx.scope.set(name2, { v, origins });
  if (name2 === "SECRET_KEY") requireValue(v);
  if (name2 === "BASE_DIR" && !ctx.inBranch && v.t === "path" && v.base === "repo") ev.baseDirParts = v.parts;
}

// src/model/settings/evaluation.ts
var ModuleEvaluation = class {
  constructor(file, py) {
    this.file = file;
    this.py = py;
    this.fileParts = file.split("/").filter((p) => p !== "" && p !== ".");
  }
  file;
  py;
  reads = [];
  recorded = [];
  starImports = [];
  dotenvLoads = [];
  loggingConfigs = [];
  failures = [];
  /** Where BASE_DIR points, relative to the scanned directory, once it is assigned from __file__. */
  baseDirParts;
  /** How deep calls of helper functions are nested now. */
  callDepth = 0;
  fileParts;
  /** Runs the module's top-level statements; returns the context they leave. */
  run() {
    const ctx = { scope: /* @__PURE__ */ new Map(), inBranch: false, activeWhenUnset: true, guarded: /* @__PURE__ */ new Set() };
    for (const stmt of this.py.statements) this.executeOrSkip(stmt, ctx);
    return ctx;
  }
  evaluate(node, ctx) {
    return evalExpression(this, node, ctx);
  }
  /** Runs one statement; one it cannot follow (or nested too deeply) is skipped, and said; the rest still counts. */
  executeOrSkip(stmt, ctx) {
    try {
      execStatement(this, stmt, ctx);
    } catch (error) {
      this.failures.push({ line: this.line(stmt), message: messageOf(error) });
    }
  }
  /** The statements of a block (the children of a Body node), each run or skipped. */
  executeBody(body, ctx) {
    for (const stmt of childrenOf(body)) if (stmt.name !== ":") this.executeOrSkip(stmt, ctx);
  }
  lookup(name2, line, ctx) {
    const bound = ctx.scope.get(name2);
    if (bound) return bound.v;
    if (name2 === "__file__") return { t: "path", base: "repo", parts: this.fileParts, line };
    if (name2 === "os") return { t: "ref", name: "os", line };
    if (name2 === "Path") return { t: "ref", name: "pathlib.Path", line };
    if (name2 === "BASE_DIR") return { t: "path", base: "BASE_DIR", parts: [], line };
    if (name2 === "dj_database_url") return { t: "ref", name: "dj_database_url", line };
    if (name2 === "env" && this.starImports.length > 0) return { t: "envobj", scheme: /* @__PURE__ */ new Map(), line };
    if (BUILTINS.has(name2)) return { t: "ref", name: `builtins.${name2}`, line };
    return { t: "unknown", text: name2, line };
  }
  line(node) {
    return this.py.lineOf(node.from);
  }
  text(node) {
    return this.py.text.slice(node.from, node.to);
  }
  /** A node not evaluated, as its source text. */
  unknown(node) {
    return { t: "unknown", text: this.text(node).slice(0, MAX_TEXT), line: this.line(node) };
  }
};
function messageOf(error) {
  return error instanceof Error ? error.message : String(error);
}

// src/model/settings/databases.ts
var SERVER_FIELDS = ["NAME", "USER", "PASSWORD", "HOST"];
var MAX_DEPTH = 20;
function resolveDatabases(value, line, toSource) {
  const builder = new DatabasesBuilder(toSource);
  builder.walkDatabases(value, { isDefault: true });
  return builder.result(line);
}
var DatabasesBuilder = class {
  constructor(toSource) {
    this.toSource = toSource;
  }
  toSource;
  configs = [];
  selectors = [];
  walkDatabases(v, sel, depth = 0) {
    if (depth > MAX_DEPTH) return;
    if (v.t === "dict") {
      const entry = v.entries.find((e) => e.key === "default");
      if (entry) this.walkDefault(entry.value, sel, depth + 1);
    } else if (v.t === "choice") {
      for (const o of v.options) this.walkDatabases(o.v, this.option(o, sel), depth + 1);
    } else if (v.t === "env") {
      this.walkEnv(v, sel, (x, s) => this.walkDatabases(x, s, depth + 1));
    }
  }
  walkDefault(v, sel, depth) {
    if (depth > MAX_DEPTH) return;
    if (v.t === "dict") this.fromDict(v, sel);
    else if (v.t === "choice")
      for (const o of v.options) this.walkDefault(o.v, this.option(o, sel), depth + 1);
    else if (v.t === "env") this.walkEnv(v, sel, (x, s) => this.walkDefault(x, s, depth + 1));
  }
  walkEnv(v, sel, next) {
    const variable = v.read.variable;
    if (v.dbUrl) {
      this.selectors.push({ kind: "url", variable, default: v.read.defaultText, line: v.read.line });
      if (v.unset.t === "dict" && v.unset.entries.length > 0)
        this.fromDict(v.unset, { ...sel, isDefault: sel.isDefault }, v);
      return;
    }
    if (v.cases) {
      this.selectors.push({
        kind: "env",
        variable,
        default: v.unsetKey ?? v.read.defaultText,
        line: v.read.line
      });
      const isDefault = (c) => c.v === v.unset || v.unsetKey === c.value;
      for (const c of v.cases)
        next(c.v, {
          selectedBy: { variable, value: c.value },
          isDefault: truthAnd(sel.isDefault, isDefault(c))
        });
      if (!v.cases.some(isDefault) && v.unset.t !== "unknown")
        next(v.unset, { selectedBy: { variable, value: "", test: "otherwise" }, isDefault: sel.isDefault });
      return;
    }
    this.selectors.push({ kind: "env", variable, default: v.read.defaultText, line: v.read.line });
    next(v.unset, { selectedBy: sel.selectedBy, isDefault: sel.isDefault });
  }
  option(o, sel) {
    if (o.when) this.selectors.push({ kind: "env", variable: o.when.variable, line: o.when.line });
    return {
      selectedBy: o.when ? selectedBy(o.when) : sel.selectedBy,
      isDefault: truthAnd(sel.isDefault, o.activeWhenUnset)
    };
  }
  fromDict(d, sel, url) {
    const engineValue = d.entries.find((e) => e.key === "ENGINE")?.value;
    const variants = engineValue?.t === "env" && !url ? this.engineVariants(engineValue, sel) : [{ engine: engineValue ? engineString(engineValue) : void 0, sel }];
    for (const variant of variants) {
      if (!url && variant.engine && isServerEngine(variant.engine))
        for (const key of SERVER_FIELDS) {
          const value = d.entries.find((e) => e.key === key)?.value;
          if (value?.t === "env" && value.unset.t === "none") markRequired(value.read);
        }
      const config2 = { line: url ? url.read.line : d.line, ...this.fields(d, url) };
      if (variant.engine) config2.engine = variant.engine;
      if (variant.sel.selectedBy) config2.selectedBy = variant.sel.selectedBy;
      if (variant.sel.isDefault !== void 0) config2.isDefault = variant.sel.isDefault;
      this.configs.push(config2);
    }
  }
  /** ENGINE read from a variable: one variant per engine it can name. */
  engineVariants(engineValue, sel) {
    const variable = engineValue.read.variable;
    this.selectors.push({
      kind: "engine",
      variable,
      default: engineValue.read.defaultText,
      line: engineValue.read.line
    });
    if (engineValue.cases)
      return engineValue.cases.map((c) => ({
        engine: engineString(c.v),
        sel: {
          selectedBy: { variable, value: c.value },
          isDefault: truthAnd(sel.isDefault, engineValue.unsetKey === c.value)
        }
      }));
    const engine = engineString(engineValue.unset);
    return [
      {
        engine,
        sel: {
          selectedBy: engine && engineValue.read.defaultText !== void 0 ? { variable, value: engineValue.read.defaultText } : sel.selectedBy,
          isDefault: engine ? sel.isDefault : false
        }
      }
    ];
  }
  /** The fields of a config dict; from a URL, each is the URL variable's read with the field as its fallback. */
  fields(d, url) {
    const fields = {};
    const fieldLines = {};
    for (const e of d.entries) {
      fieldLines[e.key] = url ? url.read.line : e.line;
      const source = this.toSource(e.value);
      fields[e.key] = url ? {
        kind: "env",
        variable: url.read.variable,
        via: url.read.via,
        required: url.read.required,
        fallback: source,
        line: url.read.line
      } : source;
    }
    return { fields, fieldLines };
  }
  result(line) {
    const engines = new Set(this.configs.map((c) => c.engine ?? "?"));
    const url = this.selectors.find((s) => s.kind === "url");
    const engine = this.selectors.find((s) => s.kind === "engine");
    const branch = engines.size > 1 ? this.selectors.find((s) => s.kind === "env") : void 0;
    let selection;
    const pick = url ?? engine ?? branch;
    if (pick) {
      const chosen = {
        kind: pick.kind === "url" ? "url" : "env",
        variable: pick.variable,
        line: pick.line
      };
      if (pick.default !== void 0) chosen.default = pick.default;
      selection = chosen;
    } else if (this.configs.length > 0 && !engines.has("?")) selection = { kind: "fixed" };
    else selection = { kind: "unknown" };
    return { line, selection, configs: this.configs };
  }
};
function selectedBy(c) {
  if (c.test === "equals") return { variable: c.variable, value: c.value };
  if (c.test === "set" || c.test === "unset") return { variable: c.variable, value: "", test: c.test };
  return { variable: c.variable, value: "", test: "otherwise" };
}
function engineString(v) {
  if (v.t === "str") return v.v;
  return void 0;
}
function isServerEngine(engine) {
  const e = engine.toLowerCase();
  return ["postgres", "postgis", "mysql", "oracle", "mssql", "sql_server", "cockroach", "mariadb"].some(
    (k) => e.includes(k)
  );
}
function isSqliteEngine(engine) {
  const e = engine.toLowerCase();
  return e.includes("sqlite") || e.includes("spatialite");
}

// src/model/settings/model.ts
var MAX_SOURCE_DEPTH = 60;
var MAX_LOGGING_DEPTH = 20;
function settingsModelOf(ev, module, ctx) {
  const toSource = (v) => valueSource(v, ev.baseDirParts);
  const live = /* @__PURE__ */ new Set();
  for (const binding of ctx.scope.values()) for (const i of binding.origins) live.add(i);
  const databasesBinding = ctx.scope.get("DATABASES");
  const databases = databasesBinding && databasesBinding.origins.length > 0 ? resolveDatabases(
    databasesBinding.v,
    Math.min(...databasesBinding.origins.map((i) => ev.recorded[i].line)),
    toSource
  ) : void 0;
  const assignments = ev.recorded.map((a, i) => {
    const out = { name: a.name, line: a.line, value: toSource(a.v) };
    if (a.cond) out.condition = { variable: a.cond.variable, text: a.condText ?? "" };
    out.live = live.has(i);
    if (a.inBranch) out.inBranch = true;
    if (a.activeWhenUnset !== void 0) out.activeWhenUnset = a.activeWhenUnset;
    return out;
  });
  const model = {
    file: ev.file,
    module,
    assignments,
    envReads: [],
    logHandlers: logHandlers([ctx.scope.get("LOGGING")?.v, ...ev.loggingConfigs]),
    starImports: ev.starImports,
    dotenvLoads: ev.dotenvLoads
  };
  if (databases) model.databases = databases;
  model.envReads = ev.reads.map((r) => ({
    variable: r.variable,
    line: r.line,
    required: r.required,
    hasDefault: r.hasDefault
  }));
  if (ev.baseDirParts) model.baseDir = ev.baseDirParts.length ? ev.baseDirParts.join("/") : ".";
  return model;
}
function valueSource(v, baseDirParts, depth = 0) {
  const line = v.line;
  const inner = (x) => valueSource(x, baseDirParts, depth + 1);
  if (depth > MAX_SOURCE_DEPTH) return { kind: "unknown", text: "\u2026", line };
  switch (v.t) {
    case "str":
    case "num":
    case "bool":
      return { kind: "literal", value: v.v, line };
    case "none":
      return { kind: "literal", value: null, line };
    case "list":
      return { kind: "list", items: v.items.map(inner), line };
    case "dict":
      return {
        kind: "dict",
        entries: v.entries.map((e) => ({ key: e.key, value: inner(e.value), line: e.line })),
        line
      };
    case "path":
      return pathSource(v, baseDirParts);
    case "concat": {
      const p = concatPath(v);
      return p ? pathSource(p, baseDirParts) : { kind: "unknown", text: renderConcat(v), line };
    }
    case "env":
      return envSource(v, inner);
    case "choice":
      return { kind: "choice", options: v.options.map((o) => inner(o.v)), line };
    case "ref":
      return { kind: "unknown", text: v.name, line };
    case "parents":
    case "envobj":
    case "func":
      return { kind: "unknown", text: v.t, line };
    case "unknown":
      return { kind: "unknown", text: v.text, line };
  }
}
function envSource(v, inner) {
  const out = {
    kind: "env",
    variable: v.read.variable,
    via: v.read.via,
    required: v.read.required,
    line: v.line
  };
  const fallback = v.unset;
  if (fallback.t !== "none" && !(fallback.t === "unknown" && fallback.crash)) out.fallback = inner(fallback);
  if (v.prefix) out.prefix = v.prefix;
  if (v.suffix) out.suffix = v.suffix;
  if (v.whenSet) out.whenSet = v.whenSet;
  const truths = (v.whenSet ? [] : v.probes ?? []).flatMap((p) => {
    const t2 = truthy(p.v);
    return t2 === void 0 ? [] : [[p.text, t2]];
  });
  if (truths.length > 0) out.truthWhenSetTo = Object.fromEntries(truths);
  return out;
}
function pathSource(v, baseDirParts) {
  if (v.base === "absolute") return { kind: "path", base: "absolute", parts: v.parts, line: v.line };
  if (v.base === "BASE_DIR") return { kind: "path", base: "BASE_DIR", parts: v.parts, line: v.line };
  if (!baseDirParts) return { kind: "unknown", text: `${v.parts.join("/")} (from __file__)`, line: v.line };
  return { kind: "path", base: "BASE_DIR", parts: relativeParts(baseDirParts, v.parts), line: v.line };
}
function logHandlers(configs) {
  const out = [];
  const seen = /* @__PURE__ */ new Set();
  const visitConfig = (v, depth) => {
    if (depth > MAX_LOGGING_DEPTH) return;
    if (v.t === "env") {
      visitConfig(v.unset, depth + 1);
      for (const c of v.cases ?? []) visitConfig(c.v, depth + 1);
    } else if (v.t === "choice") for (const o of v.options) visitConfig(o.v, depth + 1);
    else if (v.t === "dict") {
      const handlers = v.entries.find((e) => e.key === "handlers")?.value;
      if (handlers?.t !== "dict") return;
      for (const h of handlers.entries) {
        if (h.value.t !== "dict") continue;
        const cls = h.value.entries.find((e) => e.key === "class");
        if (cls?.value.t !== "str") continue;
        const key = `${cls.value.v}\0${cls.line}`;
        if (seen.has(key)) continue;
        seen.add(key);
        out.push({ className: cls.value.v, line: cls.line });
      }
    }
  };
  for (const v of configs) if (v) visitConfig(v, 0);
  return out.sort((a, b) => a.line - b.line);
}

// src/model/settings/index.ts
function modelSettings(file, module, text) {
  const empty = { file, module, assignments: [], envReads: [], logHandlers: [] };
  let python;
  try {
    python = parsePython(text);
  } catch (error) {
    return { model: empty, errors: [{ file, message: `Settings could not be read: ${messageOf(error)}` }] };
  }
  const errors = python.error ? [
    {
      file,
      line: python.error.line,
      message: `Python syntax error at line ${python.error.line}, column ${python.error.column}: the settings module was read only as far as it parses`
    }
  ] : [];
  const evaluation = new ModuleEvaluation(file, python);
  let model;
  let failures;
  try {
    model = settingsModelOf(evaluation, module, evaluation.run());
    failures = evaluation.failures;
  } catch (error) {
    model = empty;
    failures = [...evaluation.failures, { message: messageOf(error) }];
  }
  if (failures.length > 0) errors.push(evaluationError(file, failures));
  return { model, errors };
}
function evaluationError(file, failures) {
  const [first] = failures;
  const more = failures.length > 1 ? ` (and ${failures.length - 1} more statement(s) not evaluated)` : "";
  const error = {
    file,
    message: `The settings could not be fully evaluated: ${first.message}${more}`
  };
  if (first.line !== void 0) error.line = first.line;
  return error;
}

// src/rules/lib/rule.ts
function defineRule(rule) {
  return rule;
}

// src/rules/TF0001-parse-error.ts
var parseError = defineRule({
  id: "TF0001",
  name: "parse-error",
  factor: "0",
  severity: "warning",
  kind: "S",
  title: "A Dockerfile, compose file or settings module cannot be parsed; the rest of the analysis goes on",
  help: `A file the review needs could not be read or parsed, so every rule that depends on it stayed silent for it.
The rest of the repository was still analysed. Docker, Compose or Django would most likely reject the same file,
so fix the syntax error at the reported line (or make the file plain UTF-8 text under 2 MiB).

\`\`\`dockerfile
# Before: an instruction Docker does not know
FROM python:3.12-slim
RUNN pip install -r requirements.txt

# After
FROM python:3.12-slim
RUN pip install -r requirements.txt
\`\`\`
`,
  related: [],
  check(project) {
    return project.parseErrors.map((e) => ({
      file: e.file,
      ...e.line !== void 0 && e.line >= 1 ? { line: e.line } : {},
      message: e.message
    }));
  }
});

// src/rules/TF0002-invalid-suppression.ts
var invalidSuppression = defineRule({
  id: "TF0002",
  name: "invalid-suppression",
  factor: "0",
  severity: "notice",
  kind: "S",
  title: "A suppression comment names an unknown rule or is malformed",
  help: `A \`# twelve-factor:\` comment could not be understood, so it suppresses nothing. Name rules by id or by name,
separated by commas, and give the reason after \`--\`. A comment on its own line applies to the next line that is not
blank or a comment (and to findings anchored on the comment's own line, such as "Dockerfile, line 1"); at the end of a
line it applies to that line. \`ignore-file=\` applies to the whole file. In a Dockerfile \`#\` starts a comment only
at the beginning of a line (or inside the shell text of RUN/CMD/ENTRYPOINT), and in \`.dockerignore\` only at the
beginning of a line: elsewhere the text would change the instruction or the pattern, so put the comment on its own
line above.

\`\`\`python
# Before: a typo in the rule name, so DEBUG is still reported
DEBUG = True  # twelve-factor: ignore=debug-in-cod

# After
DEBUG = True  # twelve-factor: ignore=debug-in-code -- local settings module, never deployed
\`\`\`
`,
  related: [],
  check(project) {
    return project.suppressionProblems.map((p) => ({ file: p.file, line: p.line, message: p.message }));
  }
});

// src/rules/TF0101-source-not-in-context.ts
var CODE_HOSTS = /^(https?:\/\/|git@)([^/@]*@)?(github\.com|gitlab\.com|bitbucket\.org|codeload\.github\.com|[^/]*gitlab[^/]*|[^/]*gitea[^/]*)[/:]/i;
function isSourceUrl(url) {
  if (/^git@/.test(url) || /\.git(#.*)?$/.test(url) || /^git:\/\//.test(url)) return true;
  if (!CODE_HOSTS.test(url)) return false;
  if (/\/releases\/download\//.test(url)) return false;
  return /\/(archive|tarball|zipball|-\/archive)\//.test(url) || /codeload\.github\.com/.test(url);
}
function redactUrl(url) {
  return url.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/@]*@/i, "$1");
}
function fetchesSource(run) {
  const commands = run.script?.commands.map((c) => c.argv) ?? (run.argv ? [run.argv] : []);
  const words = (argv) => argv.map((w) => w.trim());
  for (const argv of commands.map(words)) {
    const gitAt = argv.findIndex((w) => /(^|\/)git$/.test(w));
    if (gitAt >= 0 && argv.slice(gitAt + 1).includes("clone")) {
      const url = argv.slice(argv.indexOf("clone", gitAt) + 1).find((w) => !w.startsWith("-"));
      return `git clone${url ? ` ${redactUrl(url)}` : ""}`;
    }
  }
  const extracts = commands.some((argv) => argv.some((w) => /(^|\/)(tar|unzip|bsdtar)$/.test(w)));
  for (const argv of commands) {
    if (!argv.some((w) => /(^|\/)(curl|wget)$/.test(w))) continue;
    const url = argv.find((w) => /^https?:\/\//.test(w) && isSourceUrl(w));
    if (url && extracts) return `${argv.find((w) => /(curl|wget)$/.test(w))} ${redactUrl(url)} | tar`;
  }
  return void 0;
}
var sourceNotInContext = defineRule({
  id: "TF0101",
  name: "source-not-in-context",
  factor: "I",
  severity: "warning",
  kind: "S",
  title: "The build context of the app image does not contain the Django project (manage.py), or app code is fetched inside the build (git clone, ADD https://\u2026 of source, curl \u2026 | tar) instead of coming from the repository next to the Dockerfile",
  help: `One codebase, many deploys: the image must be built from the commit being reviewed. When the build context does
not contain the Django project, or the Dockerfile fetches the code itself (\`git clone\`, \`ADD\` of a repository or of a
branch archive, \`curl \u2026 | tar\`), the image holds whatever the remote had at build time, not this commit, and the
build is neither reproducible nor reviewable. Build from the repository and copy the code in. (Downloading a release
binary such as a tool is not source and is not reported.)

\`\`\`dockerfile
# Before
RUN git clone https://github.com/example/mysite.git /app

# After: docker build . from the repository root
COPY . /app
\`\`\`
`,
  related: [],
  check(project) {
    const findings = [];
    for (const app of project.apps) {
      if (app.remoteContext) {
        findings.push({
          file: app.remoteContext.file,
          line: app.remoteContext.line,
          message: `The app image is built from the remote context ${redactUrl(app.remoteContext.url)}, not from this repository, so it does not contain the commit under review. Set build.context to the directory that holds manage.py.`
        });
      }
      const model = app.dockerfile;
      const target = model?.targetStage;
      if (!model || !target) continue;
      const context = app.context;
      if (context && !context.sentFiles.some((f) => /(^|\/)manage\.py$/.test(f))) {
        const present = context.files.find((f) => /(^|\/)manage\.py$/.test(f));
        const where = context.dir === "." ? "the repository root" : `'${context.dir}'`;
        findings.push({
          file: model.file,
          line: target.from.line,
          message: present ? `The build context ${where} holds '${present}' but .dockerignore leaves it out, so the image cannot contain the Django project. Remove the pattern that excludes it.` : `The build context ${where} does not contain the Django project (no manage.py), so the image is not built from this repository's code. Build from the directory that holds manage.py (compose build.context, or docker build <dir>).`
        });
      }
      for (const stage of model.builtStages) {
        for (const ins of stage.instructions) {
          if (ins.keyword === "RUN") {
            const fetch = fetchesSource(ins);
            if (fetch)
              findings.push({
                file: model.file,
                line: ins.line,
                message: `This RUN fetches app code from outside the repository (${fetch}), so the image is not built from the commit under review. COPY the code from the build context instead.`
              });
          } else if (ins.keyword === "ADD") {
            const url = ins.sources.find(isSourceUrl);
            if (url)
              findings.push({
                file: model.file,
                line: ins.line,
                message: `ADD ${redactUrl(url)} fetches source code from outside the repository, so the image is not built from the commit under review. COPY the code from the build context instead.`
              });
          }
        }
      }
    }
    return findings;
  }
});

// src/rules/TF0102-no-dockerignore.ts
var noDockerignore = defineRule({
  id: "TF0102",
  name: "no-dockerignore",
  factor: "I",
  severity: "warning",
  kind: "S",
  title: "The whole context is copied (COPY . \u2026, ADD . \u2026) and there is no .dockerignore",
  help: `The image should be built from the codebase, and only from it. \`COPY . .\` without a \`.dockerignore\` sends
everything in the directory into the image: \`.git\`, local \`.env\` files, a developer's \`db.sqlite3\`, virtualenvs and
caches. The image gets bigger, leaks secrets and data, and differs from one checkout to the next.

\`\`\`
# .dockerignore next to the Dockerfile (or at the root of the build context)
.git
.env*
!.env.example
*.sqlite3
**/__pycache__
venv
.venv
node_modules
\`\`\`
`,
  related: [],
  check(project) {
    const findings = [];
    for (const app of project.apps) {
      const model = app.dockerfile;
      if (!model || !app.context || app.context.dockerignore) continue;
      for (const stage of model.builtStages) {
        for (const ins of stage.instructions) {
          if (ins.keyword !== "COPY" && ins.keyword !== "ADD" || !("sources" in ins) || ins.fromStage !== void 0)
            continue;
          const whole = ins.sources.find((s) => /^(\.\/?|\/|\.\/\.)$/.test(s.trim()));
          if (whole === void 0) continue;
          const where = app.context.dir === "." ? "the repository root" : `'${app.context.dir}'`;
          findings.push({
            file: model.file,
            line: ins.line,
            message: `${ins.keyword} ${whole} copies the whole build context (${where}) into the image and there is no .dockerignore. Add one that leaves out .git, .env*, *.sqlite3, virtualenvs and __pycache__.`
          });
        }
      }
    }
    return findings;
  }
});

// src/model/context.ts
import { posix } from "node:path";

// src/discover/classify.ts
var DEFAULT_CONFIG_FILE = ".github/twelve-factor.yml";
var SKIPPED_DIRS = /* @__PURE__ */ new Set([".git", "node_modules", "venv", ".venv", "__pycache__"]);
function baseName(path) {
  return path.slice(path.lastIndexOf("/") + 1);
}
function dirName(path) {
  const i = path.lastIndexOf("/");
  return i < 0 ? "." : path.slice(0, i);
}
function joinPath(dir, path) {
  return dir === "." || dir === "" ? path : `${dir}/${path}`;
}
function isUnder(path, dir) {
  return dir === "." || path === dir || path.startsWith(`${dir}/`);
}
function relativeTo(path, dir) {
  if (dir === ".") return path;
  return path === dir ? "." : path.slice(dir.length + 1);
}
function normalizeRelative(path) {
  const out = [];
  for (const seg of path.split("/")) {
    if (seg === "" || seg === ".") continue;
    if (seg === "..") {
      if (out.length === 0) return void 0;
      out.pop();
    } else out.push(seg);
  }
  return out.length === 0 ? "." : out.join("/");
}
function isDockerfile(path) {
  const name2 = baseName(path);
  if (name2.endsWith(".dockerignore")) return false;
  return /^dockerfile$/i.test(name2) || /\.dockerfile$/i.test(name2) || /^dockerfile\./i.test(name2);
}
function isComposeFile(path) {
  return /^(docker-)?compose(\.[^/]+)?\.ya?ml$/.test(baseName(path));
}
function isComposeOverride(path) {
  return /\.override\.ya?ml$/.test(baseName(path));
}
function isDockerignore(path) {
  return baseName(path).endsWith(".dockerignore");
}
function isRequirementsFile(path) {
  const name2 = baseName(path);
  if (/^requirements.*\.(txt|in)$/.test(name2)) return true;
  return /\.(txt|in)$/.test(name2) && /(^|\/)requirements\/[^/]+$/.test(path);
}
function isSettingsCandidate(path) {
  const name2 = baseName(path);
  if (!name2.endsWith(".py")) return false;
  return /^settings.*\.py$/.test(name2) || /(^|\/)settings\/[^/]+\.py$/.test(path);
}
function isScript(path) {
  const name2 = baseName(path);
  return name2.endsWith(".sh") || /entrypoint/i.test(name2);
}
function isCoreFile(path) {
  return isDockerfile(path) || isComposeFile(path) || isSettingsCandidate(path);
}
function moduleFiles(base, module) {
  if (!/^[A-Za-z_][\w]*(\.[A-Za-z_][\w]*)*$/.test(module)) return [];
  const path = joinPath(base, module.replace(/\./g, "/"));
  return [`${path}.py`, `${path}/__init__.py`];
}

// src/parse/dockerignore.ts
function parseDockerignore(file, text) {
  const patterns = [];
  const lines = text.replace(/^\uFEFF/, "").split(/\r?\n/);
  lines.forEach((raw, i) => {
    if (raw.startsWith("#")) return;
    let pattern = raw.trim();
    if (pattern === "") return;
    const negated = pattern.startsWith("!");
    if (negated) pattern = pattern.slice(1).trim();
    if (pattern.length > 0) {
      pattern = cleanPath(pattern);
      if (pattern.length > 1 && pattern.startsWith("/")) pattern = pattern.slice(1);
    }
    patterns.push({ pattern, negated, line: i + 1 });
  });
  return { file, patterns };
}
function cleanPath(p) {
  const rooted = p.startsWith("/");
  const out = [];
  for (const seg of p.split("/")) {
    if (seg === "" || seg === ".") continue;
    if (seg === "..") {
      if (out.length > 0 && out[out.length - 1] !== "..") out.pop();
      else if (!rooted) out.push("..");
    } else out.push(seg);
  }
  const joined = out.join("/");
  if (rooted) return `/${joined}`;
  return joined === "" ? "." : joined;
}
function compilePattern(pattern) {
  let re = "^";
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i];
    if (ch === "*") {
      if (pattern[i + 1] === "*") {
        i++;
        if (pattern[i + 1] === "/") i++;
        if (i + 1 >= pattern.length) re += ".*";
        else re += "(.*/)?";
      } else re += "[^/]*";
    } else if (ch === "?") re += "[^/]";
    else if (ch === "[") {
      const end = pattern.indexOf("]", i + 2);
      if (end < 0) return /(?!)/;
      let body = pattern.slice(i + 1, end);
      if (body.startsWith("!")) body = `^${body.slice(1)}`;
      re += `[${body.replace(/\\(?!.)/g, "\\\\")}]`;
      i = end;
    } else if (ch === "\\") {
      i++;
      if (i < pattern.length) re += escapeRegExp(pattern[i]);
    } else re += escapeRegExp(ch);
  }
  try {
    return new RegExp(`${re}$`);
  } catch {
    return /(?!)/;
  }
}
function escapeRegExp(ch) {
  return /[.+^${}()|[\]\\*?/]/.test(ch) ? `\\${ch}` : ch;
}
var DockerignoreMatcher = class {
  rules;
  constructor(model) {
    this.rules = (model?.patterns ?? []).filter((p) => p.pattern !== "").map((p) => ({ re: compilePattern(p.pattern), negated: p.negated }));
  }
  /** Last matching pattern wins; a pattern matching a parent directory matches everything below it. */
  excludes(path) {
    const parents = path.split("/");
    parents.pop();
    let excluded = false;
    for (const rule of this.rules) {
      let match = rule.re.test(path);
      for (let i = 1; !match && i <= parents.length; i++) match = rule.re.test(parents.slice(0, i).join("/"));
      if (match) excluded = !rule.negated;
    }
    return excluded;
  }
};
function sentFiles(files, model) {
  if (!model || model.patterns.length === 0) return files;
  const matcher = new DockerignoreMatcher(model);
  return files.filter((f) => !matcher.excludes(f));
}

// src/model/context.ts
var ImageLayout = class {
  constructor(model, sentFiles2) {
    this.model = model;
    this.sent = new Set(sentFiles2);
    this.dirs = /* @__PURE__ */ new Set();
    for (const f of sentFiles2) {
      let d = posix.dirname(f);
      while (d !== "." && !this.dirs.has(d)) {
        this.dirs.add(d);
        d = posix.dirname(d);
      }
    }
  }
  model;
  sent;
  dirs;
  /** The stage a `--from=`/FROM reference names, by name or index. */
  stageNamed(ref) {
    if (ref === void 0) return void 0;
    if (typeof ref === "number") return this.model.stages[ref];
    const byName = this.model.stages.find((s) => s.name?.toLowerCase() === ref.toLowerCase());
    if (byName) return byName;
    return /^\d+$/.test(ref) ? this.model.stages[Number(ref)] : void 0;
  }
  parentOf(stage) {
    const ref = stage.from.stageRef;
    return ref !== void 0 && ref !== stage.index ? this.model.stages[ref] : void 0;
  }
  /** WORKDIR in effect just before instruction `index` of `stage` ('/' when none is set; undefined when unresolved). */
  workdirAt(stage, index) {
    return this.workdirsOf(stage, 0)[Math.min(Math.max(index, 0), stage.instructions.length)];
  }
  workdirs = /* @__PURE__ */ new Map();
  /** WORKDIR before each instruction of the stage, and at its end (last element). */
  workdirsOf(stage, depth) {
    const cached = this.workdirs.get(stage);
    if (cached) return cached;
    const parent = depth < 20 ? this.parentOf(stage) : void 0;
    let wd = parent ? this.workdirsOf(parent, depth + 1).at(-1) : "/";
    const out = [];
    for (const ins of stage.instructions) {
      out.push(wd);
      if (ins.keyword === "WORKDIR") {
        const path = ins.path;
        wd = path === void 0 ? void 0 : posix.resolve(wd ?? "/", path);
      }
    }
    out.push(wd);
    this.workdirs.set(stage, out);
    return out;
  }
  /** The context file an absolute image path of `stage` (just before instruction `before`) was copied from. */
  sourceOf(stage, imagePath, before = stage.instructions.length, depth = 0) {
    if (depth > 20) return void 0;
    const target = posix.normalize(imagePath);
    for (let i = Math.min(before, stage.instructions.length) - 1; i >= 0; i--) {
      const ins = stage.instructions[i];
      if (!isCopy(ins)) continue;
      const dest = this.destOf(stage, i, ins);
      for (const source of ins.sources) {
        const origin = this.originOf(source, ins, dest, target);
        if (origin === void 0) continue;
        if (ins.fromStage !== void 0) {
          const from = this.stageNamed(ins.fromStage);
          const found = from ? this.sourceOf(from, origin, from.instructions.length, depth + 1) : void 0;
          if (found) return found;
          continue;
        }
        if (this.sent.has(origin)) return origin;
      }
    }
    const parent = this.parentOf(stage);
    return parent ? this.sourceOf(parent, target, parent.instructions.length, depth + 1) : void 0;
  }
  /** The image path where a context file (or directory) lands at the end of `stage`, last COPY winning. */
  landingOf(stage, contextPath) {
    return this.landing(stage, contextPath, 0)?.path;
  }
  /**
   * Where a context file lands at the end of `stage`, with the line of the COPY/ADD that took it from the context
   * (for a file passed on by `COPY --from`, the line in the earlier stage).
   */
  landing(stage, contextPath, depth = 0) {
    if (depth > 20) return void 0;
    const parent = this.parentOf(stage);
    let landing = parent ? this.landing(parent, contextPath, depth + 1) : void 0;
    stage.instructions.forEach((ins, i) => {
      if (!isCopy(ins)) return;
      const dest = this.destOf(stage, i, ins);
      let origin = { path: contextPath, line: ins.line };
      if (ins.fromStage !== void 0) {
        const from = this.stageNamed(ins.fromStage);
        origin = from ? this.landing(from, contextPath, depth + 1) : void 0;
        if (origin === void 0) return;
      }
      for (const source of ins.sources) {
        const l = this.destinationOf(source, ins, dest, origin.path, ins.fromStage !== void 0);
        if (l !== void 0) landing = { path: l, line: origin.line };
      }
    });
    return landing;
  }
  destOf(stage, index, ins) {
    const wd = this.workdirAt(stage, index) ?? "/";
    const isDir = ins.dest.endsWith("/") || ins.dest === "." || ins.sources.length > 1 || ins.sources.some((s) => /[*?[]/.test(s) || this.isDirSource(s, ins));
    return { path: posix.resolve(wd, ins.dest), isDir };
  }
  isDirSource(source, ins) {
    if (ins.fromStage !== void 0) return source.endsWith("/") || !/\.[^/]+$/.test(source);
    const rel = normalizeRelative(source.replace(/^\/+/, ""));
    return rel === "." || rel !== void 0 && this.dirs.has(rel);
  }
  /** For a source of a COPY: the source-side path that produced image path `target`, if this source covers it. */
  originOf(source, ins, dest, target) {
    if (isUrl(source)) return void 0;
    const fromStage = ins.fromStage !== void 0;
    const src = fromStage ? posix.normalize(source) : normalizeRelative(source.replace(/^\/+/, ""));
    if (src === void 0) return void 0;
    if (/[*?[]/.test(src) && !fromStage) {
      const re = compilePattern(src);
      const rel = relativeInside(target, dest.path);
      if (rel === void 0 || rel === ".") return void 0;
      for (const candidate of this.matchesOf(re)) {
        if (this.dirs.has(candidate)) {
          if (this.sent.has(`${candidate}/${rel}`)) return `${candidate}/${rel}`;
        } else if (!rel.includes("/") && baseName(candidate) === rel) return candidate;
      }
      return void 0;
    }
    const isDir = fromStage ? this.isDirSource(source, ins) : src === "." || this.dirs.has(src);
    if (isDir) {
      const rel = relativeInside(target, dest.path);
      if (rel === void 0) return void 0;
      if (fromStage) return rel === "." ? src : posix.join(src, rel);
      return src === "." ? rel : rel === "." ? src : `${src}/${rel}`;
    }
    const asFile = dest.isDir ? posix.join(dest.path, baseName(src)) : dest.path;
    if (target === asFile) return src;
    if (!dest.isDir && target === posix.join(dest.path, baseName(src))) return src;
    return void 0;
  }
  /** For a source of a COPY: where `origin` (context path, or image path of the --from stage) lands, if covered. */
  destinationOf(source, ins, dest, origin, fromStage) {
    if (isUrl(source)) return void 0;
    if (fromStage) {
      const src2 = posix.normalize(source);
      const rel = relativeInside(origin, src2);
      if (rel === void 0) return void 0;
      if (rel === "." && !this.isDirSource(source, ins))
        return dest.isDir ? posix.join(dest.path, baseName(src2)) : dest.path;
      return posix.join(dest.path, rel);
    }
    const src = normalizeRelative(source.replace(/^\/+/, ""));
    if (src === void 0) return void 0;
    if (/[*?[]/.test(src)) {
      const re = compilePattern(src);
      for (const candidate of this.matchesOf(re)) {
        if (this.dirs.has(candidate)) {
          const rel = relativeInside(origin, candidate);
          if (rel !== void 0 && rel !== ".") return posix.join(dest.path, rel);
        } else if (candidate === origin) return posix.join(dest.path, baseName(candidate));
      }
      return void 0;
    }
    if (src === ".") return posix.join(dest.path, origin);
    if (this.dirs.has(src)) {
      const rel = relativeInside(origin, src);
      return rel === void 0 ? void 0 : rel === "." ? dest.path : posix.join(dest.path, rel);
    }
    if (origin !== src) return void 0;
    return dest.isDir ? posix.join(dest.path, baseName(src)) : dest.path;
  }
  matchesOf(re) {
    return [...this.sent, ...this.dirs].filter((p) => re.test(p));
  }
};
function isCopy(ins) {
  return ins.keyword === "COPY" || ins.keyword === "ADD";
}
function isUrl(source) {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(source) || /^git@/.test(source);
}
function relativeInside(path, dir) {
  const p = path.replace(/\/+$/, "") || "/";
  const d = dir.replace(/\/+$/, "") || "/";
  if (p === d) return ".";
  if (d === "/") return p.startsWith("/") ? p.slice(1) : void 0;
  if (d === ".") return p;
  return p.startsWith(`${d}/`) ? p.slice(d.length + 1) : void 0;
}
function filesReachingImage(app, match) {
  const model = app.dockerfile;
  const context = app.context;
  const target = model?.targetStage;
  if (!model || !context || !target) return [];
  const candidates = context.sentFiles.filter(match);
  if (candidates.length === 0) return [];
  const layout = new ImageLayout(model, context.sentFiles);
  const byLine = /* @__PURE__ */ new Map();
  for (const file of candidates) {
    const landing = layout.landing(target, file);
    if (landing) byLine.set(landing.line, [...byLine.get(landing.line) ?? [], file]);
  }
  return [...byLine.entries()].sort((a, b) => a[0] - b[0]).map(([line, files]) => ({ line, files }));
}
function absentFileReachingImage(app, contextPath) {
  const model = app.dockerfile;
  const context = app.context;
  const target = model?.targetStage;
  if (!model || !target || !context || context.files.includes(contextPath)) return void 0;
  if (sentFiles([contextPath], context.dockerignore).length === 0) return void 0;
  return new ImageLayout(model, [...context.sentFiles, contextPath]).landing(target, contextPath)?.line;
}

// src/rules/lib/files.ts
function isEnvFile(path) {
  const name2 = path.slice(path.lastIndexOf("/") + 1);
  if (!(name2 === ".env" || name2.startsWith(".env.") || name2.endsWith(".env") && name2.length > 4))
    return false;
  return !/(example|sample|template|dist|default|defaults)/i.test(name2);
}
function isSqliteFile(path) {
  return /\.sqlite3$/.test(path);
}
function isDevelopmentComposeFile(path) {
  const name2 = path.slice(path.lastIndexOf("/") + 1).toLowerCase();
  return /(^|[._-])(override|dev|develop|development|local|test|tests|testing|ci)([._-]|$)/.test(name2);
}
function filesCopiedIntoImage(project, isWanted, say) {
  const findings = [];
  for (const app of project.apps) {
    const file = app.dockerfile?.file;
    if (!file) continue;
    for (const { line, files } of filesReachingImage(app, isWanted)) {
      findings.push({ file, line, message: say(files.map((f) => `'${f}'`).join(", "), files) });
    }
  }
  return findings;
}

// src/rules/TF0103-dockerignore-gaps.ts
var baseName2 = (p) => p.slice(p.lastIndexOf("/") + 1);
var nested = (paths) => paths.some((p) => p.includes("/"));
function gapsOf(context) {
  const sentDirs = context.sentSkippedDirs ?? [];
  const gaps = [];
  const dirGap = (what, names, pattern) => {
    const found = sentDirs.filter((d) => names.includes(baseName2(d)));
    if (found.length > 0) gaps.push({ what, found, pattern: pattern(nested(found)) });
  };
  dirGap(".git", [".git"], (n) => n ? "**/.git" : ".git");
  const env = context.sentFiles.filter(isEnvFile);
  if (env.length > 0)
    gaps.push({ what: ".env files", found: env, pattern: nested(env) ? "**/.env*" : ".env*" });
  const sqlite = context.sentFiles.filter(isSqliteFile);
  if (sqlite.length > 0)
    gaps.push({
      what: "SQLite databases",
      found: sqlite,
      pattern: nested(sqlite) ? "**/*.sqlite3" : "*.sqlite3"
    });
  dirGap("virtualenvs", ["venv", ".venv"], (n) => n ? "**/venv, **/.venv" : "venv, .venv");
  dirGap("__pycache__", ["__pycache__"], () => "**/__pycache__");
  dirGap("node_modules", ["node_modules"], (n) => n ? "**/node_modules" : "node_modules");
  return gaps;
}
var dockerignoreGaps = defineRule({
  id: "TF0103",
  name: "dockerignore-gaps",
  factor: "I",
  severity: "notice",
  kind: "S",
  title: ".dockerignore exists but lets in things that exist in the context and do not belong in an image: .git, .env*, *.sqlite3, venv/.venv, __pycache__, node_modules",
  help: `A \`.dockerignore\` is there, but some things present in the build context still get through: repository history,
local \`.env\` files, SQLite databases, virtualenvs, bytecode caches or \`node_modules\`. They make the build slower,
the image bigger and can leak secrets or data. Patterns in \`.dockerignore\` are anchored at the context root, so
\`__pycache__\` only matches the top-level directory: use \`**/__pycache__\` for nested ones.

\`\`\`
.git
.env*
!.env.example
*.sqlite3
**/__pycache__
venv
.venv
node_modules
\`\`\`
`,
  related: [],
  check(project) {
    const findings = [];
    const seen = /* @__PURE__ */ new Set();
    for (const app of project.apps) {
      const context = app.context;
      const ignore = context?.dockerignore;
      if (!context || !ignore || seen.has(ignore.file)) continue;
      seen.add(ignore.file);
      const gaps = gapsOf(context);
      if (gaps.length === 0) continue;
      const shown = (g) => {
        const list = g.found.slice(0, 3).join(", ");
        return `${g.what} (${list}${g.found.length > 3 ? `, and ${g.found.length - 3} more` : ""})`;
      };
      findings.push({
        file: ignore.file,
        line: 1,
        message: `${ignore.file} lets into the build context ${gaps.map(shown).join("; ")}. Add these patterns: ${gaps.map((g) => g.pattern).join(", ")}.`
      });
    }
    return findings;
  }
});

// src/rules/TF0201-base-image-unpinned.ts
var baseImageUnpinned = defineRule({
  id: "TF0201",
  name: "base-image-unpinned",
  factor: "II",
  severity: "warning",
  kind: "S",
  title: "A FROM (any stage, after ARG resolution) has no tag or :latest and no digest",
  help: `A base image without a tag (or with \`:latest\`) is whatever the registry serves on the day of the build:
two builds of the same commit can get different Python versions and system libraries, so the release is not
reproducible. Name the version in the tag, and pin a digest when you want the exact bytes.

\`ARG\` values are resolved first (\`ARG PY=3.12\` then \`FROM python:\${PY}-slim\` is pinned); a \`FROM\` whose variable
has no known value, a stage reference (\`FROM builder\`) and \`scratch\` are not judged.

\`\`\`dockerfile
# instead of: FROM python
FROM python:3.12-slim-bookworm
# or, exact bytes:
FROM python:3.12-slim-bookworm@sha256:<digest>
\`\`\``,
  related: ["DL3006", "DL3007", "DS-0001", "CKV_DOCKER_7"],
  check(project) {
    const findings = [];
    for (const app of project.apps) {
      const df = app.dockerfile;
      if (!df) continue;
      for (const stage of df.stages) {
        const from = stage.from;
        if (!from.image || from.stageRef !== void 0 || from.scratch || from.digest) continue;
        if (from.tag !== void 0 && from.tag !== "latest") continue;
        const what = from.tag === "latest" ? `uses the floating tag ':latest'` : "has no tag";
        findings.push({
          file: df.file,
          line: from.line,
          message: `FROM ${from.image} ${what}, so each build may get a different base image. Pin a version tag such as ${from.repository}:<version> (and a digest for exact bytes).`
        });
      }
    }
    return findings;
  }
});

// src/model/command.ts
import { posix as posix3 } from "node:path";

// src/parse/shell.ts
import { createRequire } from "node:module";

// src/parse/plain-shell.ts
var WORD_CHAR = /[A-Za-z0-9_./=:@+,%-]/;
var WORD_RUN = /[A-Za-z0-9_./=:@+,%-]+/y;
var KEYWORDS = /* @__PURE__ */ new Set([
  "if",
  "then",
  "elif",
  "else",
  "fi",
  "for",
  "in",
  "while",
  "until",
  "do",
  "done",
  "case",
  "esac",
  "select",
  "function",
  "time",
  "coproc",
  "declare",
  "export",
  "local",
  "readonly",
  "typeset",
  "nameref",
  "let"
]);
var ECHOES = /* @__PURE__ */ new Set(["echo", "printf"]);
var ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*\+?=/;
var DOUBLE_QUOTED_SPECIAL = /[$`\\]/;
function plainCommands(text) {
  const out = [];
  let current;
  let needCommand = false;
  let line = 1;
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === " " || c === "	") {
      i++;
    } else if (c === "\\" && text[i + 1] === "\n" && i > 0 && /[ \t\n]/.test(text[i - 1])) {
      i += 2;
      line++;
    } else if (c === "\n" || c === ";") {
      if (current) out.push(current);
      else if (c === ";") return void 0;
      current = void 0;
      if (c === "\n") line++;
      i++;
    } else if (c === ">" || c === "<") {
      const redirect = readRedirect(text, i, current);
      if (!redirect) return void 0;
      current.redirects.push(redirect.redirect);
      line += redirect.newlines;
      i = redirect.end;
    } else if (c === "&" || c === "|") {
      const double = text[i + 1] === c;
      if (!current || c === "&" && !double || c === "|" && text[i + 1] === "&") return void 0;
      if (c === "|" && !double && ECHOES.has(current.argv[0])) return void 0;
      out.push(current);
      current = void 0;
      needCommand = true;
      i += double ? 2 : 1;
    } else {
      const word = readWord(text, i);
      if (!word) return void 0;
      const raw = text.slice(i, word.end);
      const beforeRedirect = /[<>]/.test(text[word.end] ?? "");
      if (beforeRedirect && /\d$/.test(raw) && !/^\d+$/.test(raw)) return void 0;
      if (beforeRedirect && /^\d+$/.test(raw)) {
        const redirect = readRedirect(text, word.end, current, word.value);
        if (!redirect) return void 0;
        current.redirects.push(redirect.redirect);
        line += redirect.newlines;
        i = redirect.end;
        continue;
      }
      if (current) {
        current.argv.push(word.value);
        current.wordLines.push(line);
      } else {
        if (KEYWORDS.has(word.value) || ASSIGNMENT.test(word.value)) return void 0;
        current = { argv: [word.value], line, wordLines: [line], redirects: [] };
        needCommand = false;
      }
      line += word.newlines;
      i = word.end;
    }
  }
  if (current) out.push(current);
  return needCommand ? void 0 : out;
}
function readWord(text, start) {
  let value = "";
  let newlines2 = 0;
  let i = start;
  while (i < text.length && !/[ \t\n;&|<>]/.test(text[i])) {
    const c = text[i];
    if (WORD_CHAR.test(c)) {
      WORD_RUN.lastIndex = i;
      const run = WORD_RUN.exec(text)[0];
      value += run;
      i += run.length;
    } else if (c === "'" || c === '"') {
      const close = text.indexOf(c, i + 1);
      if (close < 0) return void 0;
      const quoted = text.slice(i + 1, close);
      if (c === '"' && DOUBLE_QUOTED_SPECIAL.test(quoted)) return void 0;
      value += quoted;
      newlines2 += quoted.split("\n").length - 1;
      i = close + 1;
    } else {
      return void 0;
    }
  }
  return i > start ? { value, end: i, newlines: newlines2 } : void 0;
}
function readRedirect(text, start, current, fd = "") {
  const op = /^(>>|>&|<&|>|<)/.exec(text.slice(start, start + 2))?.[1];
  if (!current || !op || /^[<>|]/.test(text[start + op.length] ?? "")) return void 0;
  let i = start + op.length;
  while (text[i] === " " || text[i] === "	") i++;
  const target = readWord(text, i);
  if (!target || /[<>]/.test(text[target.end] ?? "")) return void 0;
  return { redirect: { op: `${fd}${op}`, target: target.value }, end: target.end, newlines: target.newlines };
}

// src/parse/shell.ts
var REDIRECT_OPS = {
  54: ">",
  55: ">>",
  56: "<",
  57: "<>",
  58: "<&",
  59: ">&",
  60: ">|",
  61: "<<",
  62: "<<-",
  63: "<<<",
  64: "&>",
  65: "&>>"
};
var HEREDOC_OPS = /* @__PURE__ */ new Set([61, 62]);
var PIPE_OPS = /* @__PURE__ */ new Set([12, 13]);
var DECLARATIONS = /* @__PURE__ */ new Set(["export", "declare", "typeset", "readonly", "local"]);
var SHELLS = /* @__PURE__ */ new Set(["sh", "bash", "dash", "ash", "zsh", "ksh", "mksh", "busybox"]);
var MAX_NESTING = 4;
var sh;
var parser2;
function loadSh() {
  sh ??= typeof __require === "function" ? __require("./mvdan-sh.cjs") : createRequire(import.meta.url)("mvdan-sh");
  return sh;
}
var fullParserCalls = { count: 0 };
function parseShell(text, firstLine = 1) {
  const plain2 = plainScript(text, firstLine);
  return plain2 ? { commands: plain2, assignments: [] } : parseShellFully(text, firstLine);
}
function parseShellFully(text, firstLine = 1) {
  const commands = [];
  const assignments = [];
  try {
    collectScript(text, firstLine, commands, 0, assignments);
    return { commands, assignments };
  } catch (error) {
    return { commands: [], parseError: describeError(error, firstLine) };
  }
}
function plainScript(text, firstLine, depth = 0) {
  const plain2 = plainCommands(text);
  if (!plain2) return void 0;
  const out = [];
  for (const c of plain2) {
    const { argv, viaExec, first } = afterExec(c.argv);
    out.push({ argv, line: firstLine + c.line - 1, redirects: c.redirects, viaExec });
    if (depth >= MAX_NESTING || argv.length === 0 || !SHELLS.has(basename2(argv[0]))) continue;
    const inline = inlineScriptIndex(argv);
    if (inline === void 0) continue;
    const inner = plainScript(argv[inline], firstLine + c.wordLines[first + inline] - 1, depth + 1);
    if (!inner) return void 0;
    out.push(...inner);
  }
  return out;
}
function afterExec(words) {
  if (words[0] !== "exec") return { argv: words, viaExec: false, first: 0 };
  let first = 1;
  while (first < words.length && /^-[acl]+$/.test(words[first])) first += words[first].includes("a") ? 2 : 1;
  return { argv: words.slice(first), viaExec: true, first };
}
function describeError(error, firstLine) {
  const e = error;
  const line = typeof e?.Pos?.Line === "function" ? e.Pos.Line() : 1;
  const message = typeof e?.Text === "string" ? e.Text : String(e?.message ?? error);
  return { line: firstLine + Math.max(line, 1) - 1, message };
}
function collectScript(text, firstLine, out, depth, assignments) {
  parser2 ??= loadSh().syntax.NewParser();
  fullParserCalls.count++;
  const file = parser2.Parse(text, "script");
  const src = { bytes: Buffer.from(text, "utf8"), lineOffset: firstLine - 1, depth, assignments };
  visitStmts(file.Stmts, src, out);
}
function visitStmts(list, src, out) {
  for (const stmt of list ?? []) visitStmt(stmt, src, out);
}
function visitStmt(stmt, src, out) {
  if (!stmt) return;
  const cmd = stmt.Cmd;
  if (!cmd) return;
  switch (sh.syntax.NodeType(cmd)) {
    case "CallExpr":
      visitCall(stmt, cmd, src, out);
      break;
    case "BinaryCmd": {
      const first = out.length;
      visitStmt(cmd.X, src, out);
      const piped = PIPE_OPS.has(cmd.Op) && out.length > first ? echoedText(out.at(-1)) : void 0;
      const before = out.length;
      visitStmt(cmd.Y, src, out);
      if (piped !== void 0 && out.length > before) out[before].stdin = piped;
      break;
    }
    case "DeclClause":
      if (DECLARATIONS.has(cmd.Variant?.Value)) recordAssigns(cmd.Args, src);
      break;
    case "Block":
    case "Subshell":
      visitStmts(cmd.Stmts, src, out);
      break;
    case "IfClause":
      visitIf(cmd, src, out);
      break;
    case "WhileClause":
      visitStmts(cmd.Cond, src, out);
      visitStmts(cmd.Do, src, out);
      break;
    case "ForClause":
      visitStmts(cmd.Do, src, out);
      break;
    case "CaseClause":
      for (const item of cmd.Items ?? []) visitStmts(item.Stmts, src, out);
      break;
    case "FuncDecl":
      visitStmt(cmd.Body, src, out);
      break;
    case "TimeClause":
    case "CoprocClause":
      visitStmt(cmd.Stmt, src, out);
      break;
    default:
      break;
  }
}
function visitIf(clause, src, out) {
  if (!clause) return;
  visitStmts(clause.Cond, src, out);
  visitStmts(clause.Then, src, out);
  visitIf(clause.Else, src, out);
}
function visitCall(stmt, call2, src, out) {
  recordAssigns(call2.Assigns, src);
  const words = call2.Args ?? [];
  if (words.length === 0) return;
  const line = src.lineOffset + words[0].Pos().Line();
  const redirects = (stmt.Redirs ?? []).map((r) => ({
    op: `${r.N ? r.N.Value : ""}${REDIRECT_OPS[r.Op] ?? "?"}`,
    target: r.Word ? wordText(r.Word, src) : ""
  }));
  const { argv, viaExec, first } = afterExec(words.map((w) => wordText(w, src)));
  const command = { argv, line, redirects, viaExec };
  if (stmt.Background) command.background = true;
  const heredoc = (stmt.Redirs ?? []).find((r) => HEREDOC_OPS.has(r.Op) && r.Hdoc);
  if (heredoc) command.stdin = heredocText(heredoc.Hdoc, src);
  out.push(command);
  if (src.depth >= MAX_NESTING || argv.length === 0) return;
  if (!SHELLS.has(basename2(argv[0]))) return;
  const wordsAfter = words.slice(first);
  const inline = inlineScriptIndex(argv);
  if (inline !== void 0) {
    const word = wordsAfter[inline];
    nested2(argv[inline], src.lineOffset + word.Pos().Line(), src, out);
    return;
  }
  for (const r of stmt.Redirs ?? []) {
    if (!HEREDOC_OPS.has(r.Op) || !r.Hdoc) continue;
    const body = heredocText(r.Hdoc, src);
    nested2(body, src.lineOffset + r.Hdoc.Pos().Line(), src, out);
  }
}
function inlineScriptIndex(argv) {
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--" || !a.startsWith("-")) return void 0;
    if (!a.startsWith("--") && a.includes("c")) return i + 1 < argv.length ? i + 1 : void 0;
    if (a === "-o") i++;
  }
  return void 0;
}
function nested2(text, firstLine, src, out) {
  const inner = [];
  const assignments = [];
  try {
    collectScript(text, firstLine, inner, src.depth + 1, assignments);
  } catch {
    return;
  }
  out.push(...inner);
  src.assignments.push(...assignments);
}
function recordAssigns(assigns, src) {
  for (const a of assigns ?? []) {
    if (!a?.Name || a.Naked || a.Array) continue;
    const value = a.Value ? wordText(a.Value, src) : "";
    const literal2 = !(a.Value?.Parts ?? []).some((p) => hasExpansion(p));
    src.assignments.push({
      name: a.Name.Value,
      value,
      literal: literal2,
      line: src.lineOffset + a.Pos().Line()
    });
  }
}
function hasExpansion(part) {
  const type = sh.syntax.NodeType(part);
  if (type === "DblQuoted") return (part.Parts ?? []).some((p) => hasExpansion(p));
  return type !== "Lit" && type !== "SglQuoted";
}
function echoedText(c) {
  if (!c || !["echo", "printf"].includes(basename2(c.argv[0] ?? ""))) return void 0;
  return c.argv.slice(1).filter((a) => !/^-[neE]+$/.test(a)).join(" ");
}
function heredocText(word, src) {
  const parts = word.Parts ?? [];
  if (parts.length === 1 && sh.syntax.NodeType(parts[0]) === "Lit") return parts[0].Value;
  return slice(word, src);
}
function slice(node, src) {
  return src.bytes.subarray(node.Pos().Offset(), node.End().Offset()).toString("utf8");
}
function wordText(word, src) {
  return (word.Parts ?? []).map((p) => partText(p, src, false)).join("");
}
function partText(part, src, inDouble) {
  switch (sh.syntax.NodeType(part)) {
    case "Lit": {
      const v = part.Value.replace(/\\\n/g, "");
      return inDouble ? v.replace(/\\([$`"\\])/g, "$1") : v.replace(/\\(.)/gs, "$1");
    }
    case "SglQuoted":
      return part.Dollar ? ansiC(part.Value) : part.Value;
    case "DblQuoted":
      return (part.Parts ?? []).map((p) => partText(p, src, true)).join("");
    default:
      return slice(part, src);
  }
}
function ansiC(v) {
  const map = { n: "\n", t: "	", r: "\r", "\\": "\\", "'": "'", '"': '"' };
  return v.replace(/\\(.)/g, (m, c) => map[c] ?? m);
}
function basename2(p) {
  return p.slice(p.lastIndexOf("/") + 1);
}

// src/model/dockerfile.ts
import { posix as posix2 } from "node:path";

// src/parse/dockerfile.ts
var import_dockerfile_ast = __toESM(require_main(), 1);
var HEREDOC_KEYWORDS = /* @__PURE__ */ new Set(["RUN", "COPY", "ADD"]);
var HEREDOC_MARKER = /(?<!<)<<(-?)(["']?)([A-Za-z0-9_.-]+)\2/g;
function parseDockerfile(source) {
  const text = source.replace(/\r\n?/g, "\n");
  const document = import_dockerfile_ast.DockerfileParser.parse(text);
  const escape = document.getEscapeCharacter() || "\\";
  const lines = text.split("\n");
  const instructions = [];
  for (const instr of document.getInstructions()) {
    const range = instr.getRange();
    const keyword2 = instr.getKeyword().toUpperCase();
    const start = instr.getInstructionRange().end;
    const base = { keyword: keyword2, line: range.start.line + 1, endLine: range.end.line + 1 };
    const physical = lines.slice(start.line, range.end.line + 1);
    physical[0] = (physical[0] ?? "").slice(start.character);
    instructions.push({
      ...base,
      argsLine: start.line + 1,
      ...splitArguments(physical, start.line + 1, escape, HEREDOC_KEYWORDS.has(keyword2))
    });
  }
  return { escape, instructions };
}
function splitArguments(physical, firstLine, escape, heredocsAllowed) {
  const continuation = new RegExp(`${escapeRegExp2(escape)}[ \\t]*$`);
  const shellLines = [];
  const heredocs = [];
  let args = "";
  let continuing = false;
  let logicalDone = false;
  let pending = [];
  let body = [];
  let bodyLine = 0;
  physical.forEach((line, i) => {
    if (logicalDone) {
      shellLines.push(line);
      const current = pending[0];
      if (!current) return;
      const content2 = current.stripTabs ? line.replace(/^\t+/, "") : line;
      if (content2 === current.name) {
        heredocs.push({ ...current, body: body.length ? `${body.join("\n")}
` : "", bodyLine });
        pending = pending.slice(1);
        body = [];
        bodyLine = firstLine + i + 1;
      } else {
        body.push(content2);
      }
      return;
    }
    if (i > 0 && continuing && (line.trim() === "" || line.trimStart().startsWith("#"))) {
      shellLines.push("\\");
      return;
    }
    const m = continuation.exec(line);
    if (m && i < physical.length - 1) {
      const content2 = line.slice(0, m.index);
      args += content2;
      shellLines.push(`${content2}\\`);
      continuing = true;
      return;
    }
    args += line;
    shellLines.push(line);
    continuing = false;
    logicalDone = true;
    if (heredocsAllowed) {
      for (const h of args.matchAll(HEREDOC_MARKER)) {
        pending.push({ name: h[3], stripTabs: h[1] === "-", quoted: h[2] !== "" });
      }
      bodyLine = firstLine + i + 1;
    }
  });
  if (pending[0] && body.length) heredocs.push({ ...pending[0], body: `${body.join("\n")}
`, bodyLine });
  return { args: args.trim(), shellText: shellLines.join("\n"), heredocs };
}
function escapeRegExp2(s) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
function splitWords(s, escape = "\\") {
  const words = [];
  let word = "";
  let inWord = false;
  let quote;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (quote) {
      word += c;
      if (c === escape && quote === '"' && i + 1 < s.length) word += s[++i];
      else if (c === quote) quote = void 0;
      continue;
    }
    if (/\s/.test(c)) {
      if (inWord) words.push(word);
      word = "";
      inWord = false;
      continue;
    }
    inWord = true;
    word += c;
    if (c === escape && i + 1 < s.length) word += s[++i];
    else if (c === '"' || c === "'") quote = c;
  }
  if (inWord) words.push(word);
  return words;
}

// src/model/dockerfile.ts
var KEYWORDS2 = /* @__PURE__ */ new Set([
  "ADD",
  "ARG",
  "CMD",
  "COPY",
  "ENTRYPOINT",
  "ENV",
  "EXPOSE",
  "FROM",
  "HEALTHCHECK",
  "LABEL",
  "MAINTAINER",
  "ONBUILD",
  "RUN",
  "SHELL",
  "STOPSIGNAL",
  "USER",
  "VOLUME",
  "WORKDIR"
]);
var PLATFORM_ARGS = /* @__PURE__ */ new Set([
  "BUILDPLATFORM",
  "BUILDOS",
  "BUILDARCH",
  "BUILDVARIANT",
  "TARGETPLATFORM",
  "TARGETOS",
  "TARGETARCH",
  "TARGETVARIANT",
  "TARGETSTAGE",
  "BUILDKIT_SYNTAX"
]);
var SCRIPT_SHELLS = /^#!\s*(\/usr\/bin\/env\s+)?(\/(usr\/)?bin\/)?(sh|bash|dash|ash)\b/;
var UNKNOWN = { kind: "unknown" };
var UNSET = { kind: "unset" };
function modelDockerfile(file, text, options = {}) {
  try {
    return new Modeller(file, text, options).run();
  } catch (error) {
    return { errors: [{ file, message: `The Dockerfile could not be read: ${error.message}` }] };
  }
}
var Modeller = class {
  constructor(file, text, options) {
    this.file = file;
    this.text = text;
    this.options = options;
  }
  file;
  text;
  options;
  errors = [];
  stages = [];
  globalArgs = [];
  globalVars = /* @__PURE__ */ new Map();
  escape = "\\";
  // State of the stage being read.
  args = /* @__PURE__ */ new Map();
  env = /* @__PURE__ */ new Map();
  workdir = "/";
  cmdSet = false;
  run() {
    if (this.text.includes(String.fromCharCode(0))) {
      return {
        errors: [{ file: this.file, line: 1, message: "The Dockerfile is not text (it holds NUL bytes)." }]
      };
    }
    const syntax = parseDockerfile(this.text);
    this.escape = syntax.escape;
    for (const instr of syntax.instructions) this.read(instr);
    if (this.stages.length === 0 && this.errors.length === 0) {
      this.error(void 0, "The Dockerfile has no FROM instruction, so it builds no image.");
    }
    const model = {
      file: this.file,
      stages: this.stages,
      builtStages: [],
      globalArgs: this.globalArgs
    };
    if (this.stages.length > 0) {
      const target = this.findTarget();
      if (target) {
        model.targetStage = target;
        model.builtStages = this.dependencies(target);
      }
    }
    return { model, errors: this.errors };
  }
  error(line, message) {
    if (this.errors.length === 0) this.errors.push({ file: this.file, ...line ? { line } : {}, message });
  }
  read(instr) {
    const kw = instr.keyword;
    if (!KEYWORDS2.has(kw)) {
      this.error(instr.line, `Unknown instruction '${printable(kw)}'.`);
      return;
    }
    if (kw === "FROM") {
      this.startStage(instr);
      return;
    }
    const stage = this.stages.at(-1);
    if (!stage) {
      if (kw === "ARG") this.globalArgs.push(...this.readArgs(instr, true));
      else this.error(instr.line, `${kw} comes before the first FROM; only ARG may.`);
      return;
    }
    const made = this.instruction(instr, stage);
    stage.instructions.push(...made);
    stage.lastLine = instr.endLine;
  }
  startStage(instr) {
    const words = splitWords(instr.args, this.escape).filter((w) => !w.startsWith("--"));
    if (words.length === 0) this.error(instr.line, "FROM needs an image.");
    const raw = words[0] ?? "";
    const name2 = words.length >= 3 && words[1].toUpperCase() === "AS" ? words[2] : void 0;
    const image = expand(raw, (n) => this.globalLookup(n), this.escape);
    const from = { line: instr.line, endLine: instr.endLine, raw, scratch: false };
    if (image !== void 0 && image !== "") {
      from.image = image;
      const lower = image.toLowerCase();
      const ref = this.stages.findIndex((s) => s.name?.toLowerCase() === lower);
      if (ref >= 0) from.stageRef = ref;
      else if (/^\d+$/.test(image) && Number(image) < this.stages.length) from.stageRef = Number(image);
      else if (lower === "scratch") from.scratch = true;
      else Object.assign(from, parseImageRef(image));
    }
    const parent = from.stageRef !== void 0 ? this.stages[from.stageRef] : void 0;
    const stage = {
      index: this.stages.length,
      ...name2 ? { name: name2 } : {},
      from,
      instructions: [],
      lastLine: instr.endLine,
      workdir: parent?.workdir ?? "/",
      env: { ...parent?.env ?? {} },
      user: parent?.user,
      cmd: parent?.cmd,
      entrypoint: parent?.entrypoint,
      exposes: [...parent?.exposes ?? []],
      volumes: [...parent?.volumes ?? []],
      healthcheck: parent?.healthcheck
    };
    this.stages.push(stage);
    this.args = /* @__PURE__ */ new Map();
    this.env = new Map(Object.entries(stage.env));
    this.workdir = parent ? parent.workdir.startsWith("/") ? parent.workdir : void 0 : "/";
    this.cmdSet = false;
  }
  globalLookup(name2) {
    const state = this.globalVars.get(name2);
    if (state) return state;
    return PLATFORM_ARGS.has(name2) ? UNKNOWN : UNSET;
  }
  stageLookup(name2) {
    if (this.env.has(name2)) {
      const v = this.env.get(name2);
      return v === void 0 ? UNKNOWN : { kind: "value", value: v };
    }
    return this.args.get(name2) ?? UNKNOWN;
  }
  expand(raw) {
    return expand(raw, (n) => this.stageLookup(n), this.escape);
  }
  readArgs(instr, global) {
    const out = [];
    const buildArgs = this.options.buildArgs ?? {};
    const lines = new NameLines(instr);
    let previous;
    for (const word of splitWords(instr.args, this.escape)) {
      const eq = word.indexOf("=");
      const name2 = eq >= 0 ? word.slice(0, eq) : word;
      const rawDefault = eq >= 0 ? word.slice(eq + 1) : void 0;
      const lookup = global ? (n) => this.globalLookup(n) : (n) => this.stageLookup(n);
      const defaultValue = rawDefault !== void 0 ? expand(rawDefault, lookup, this.escape) : void 0;
      let state;
      if (Object.prototype.hasOwnProperty.call(buildArgs, name2)) {
        const given = buildArgs[name2];
        state = given === void 0 ? UNKNOWN : { kind: "value", value: given };
      } else if (rawDefault !== void 0) {
        state = defaultValue === void 0 ? UNKNOWN : { kind: "value", value: defaultValue };
      } else if (!global && this.globalVars.has(name2)) {
        state = this.globalVars.get(name2);
      } else {
        state = PLATFORM_ARGS.has(name2) ? UNKNOWN : UNSET;
      }
      const arg = {
        keyword: "ARG",
        line: lines.next(name2, nameSlack(previous)),
        endLine: instr.endLine,
        name: name2,
        ...defaultValue !== void 0 ? { default: defaultValue } : {},
        ...state.kind === "value" ? { value: state.value } : {}
      };
      previous = word;
      if (global) this.globalVars.set(name2, state);
      else this.args.set(name2, state);
      out.push(arg);
    }
    return out;
  }
  instruction(instr, stage) {
    const at = { line: instr.line, endLine: instr.endLine };
    switch (instr.keyword) {
      case "ARG":
        return this.readArgs(instr, false);
      case "ENV": {
        const env = { keyword: "ENV", ...at, pairs: this.readEnv(instr) };
        for (const pair2 of env.pairs) {
          this.env.set(pair2.name, pair2.value);
          stage.env[pair2.name] = pair2.value;
        }
        return [env];
      }
      case "RUN":
        return [this.readRun(instr)];
      case "COPY":
      case "ADD":
        return [this.readCopy(instr)];
      case "CMD":
      case "ENTRYPOINT": {
        const cmd = this.readCommand(instr);
        if (cmd.keyword === "CMD") {
          stage.cmd = cmd;
          this.cmdSet = true;
        } else {
          stage.entrypoint = cmd;
          if (!this.cmdSet) stage.cmd = void 0;
        }
        return [cmd];
      }
      case "EXPOSE": {
        const expose = { keyword: "EXPOSE", ...at, ports: this.readPorts(instr) };
        stage.exposes.push(expose);
        return [expose];
      }
      case "USER": {
        const user = this.expand(splitWords(instr.args, this.escape)[0] ?? "");
        const u = { keyword: "USER", ...at, ...user ? { user } : {} };
        stage.user = u;
        return [u];
      }
      case "VOLUME": {
        const paths = (jsonArray(instr.args) ?? splitWords(instr.args, this.escape)).map((p) => this.expand(p) ?? p).map((p) => this.resolvePath(p));
        const v = { keyword: "VOLUME", ...at, paths };
        stage.volumes.push(v);
        return [v];
      }
      case "WORKDIR": {
        const raw = instr.args.trim();
        const value = this.expand(raw);
        if (value === void 0 || !value.startsWith("/") && this.workdir === void 0) {
          this.workdir = void 0;
          stage.workdir = raw;
          return [{ keyword: "WORKDIR", ...at }];
        }
        const path = posix2.normalize(value.startsWith("/") ? value : posix2.join(this.workdir, value));
        this.workdir = path.length > 1 ? path.replace(/\/$/, "") : path;
        stage.workdir = this.workdir;
        const w = { keyword: "WORKDIR", ...at, path: this.workdir };
        return [w];
      }
      case "HEALTHCHECK": {
        const h = {
          keyword: "HEALTHCHECK",
          ...at,
          none: instr.args.trim().toUpperCase() === "NONE"
        };
        stage.healthcheck = h;
        return [h];
      }
      default: {
        const other = { keyword: instr.keyword, ...at, raw: instr.args };
        return [other];
      }
    }
  }
  readEnv(instr) {
    const words = splitWords(instr.args, this.escape);
    const pairs = [];
    if (words.length === 0) return pairs;
    const legacy = !words[0].includes("=");
    const entries = legacy ? [[words[0], instr.args.trim().slice(words[0].length).trim()]] : words.map((w) => [
      w.slice(0, w.indexOf("=") >= 0 ? w.indexOf("=") : w.length),
      w.includes("=") ? w.slice(w.indexOf("=") + 1) : ""
    ]);
    const values = entries.map(([, raw]) => this.expand(raw));
    const lines = new NameLines(instr);
    entries.forEach(([name2, raw], i) => {
      const line = lines.next(name2, nameSlack(entries[i - 1]?.join("=")));
      pairs.push({ name: name2, raw, line, ...values[i] !== void 0 ? { value: values[i] } : {} });
    });
    return pairs;
  }
  readRun(instr) {
    const { flags, rest } = takeFlags(instr.args, this.escape);
    const mounts = flags.filter((f) => f.startsWith("--mount")).map((f) => f.replace(/^--mount=?/, ""));
    const run = { keyword: "RUN", line: instr.line, endLine: instr.endLine, mounts };
    const argv = jsonArray(rest);
    if (argv) {
      run.argv = argv;
      return run;
    }
    run.script = this.runScript(instr, rest);
    return run;
  }
  /** The shell script a RUN executes, with file lines: a bare `RUN <<EOF` runs the heredoc body itself. */
  runScript(instr, command) {
    const bare = /^(\s*<<-?(["']?)[A-Za-z0-9_.-]+\2)+\s*$/.test(command);
    if (bare && instr.heredocs[0]) {
      const { body, bodyLine } = instr.heredocs[0];
      if (body.startsWith("#!") && !SCRIPT_SHELLS.test(body)) return { commands: [] };
      return parseShell(body, bodyLine);
    }
    return parseShell(blankFlags(instr.shellText), instr.argsLine);
  }
  readCommand(instr) {
    const keyword2 = instr.keyword;
    const base = { keyword: keyword2, line: instr.line, endLine: instr.endLine, raw: instr.args };
    const argv = jsonArray(instr.args);
    if (argv) return { ...base, form: "exec", argv };
    return { ...base, form: "shell", script: parseShell(instr.shellText, instr.argsLine) };
  }
  readCopy(instr) {
    const { flags, rest } = takeFlags(instr.args, this.escape);
    const words = jsonArray(rest) ?? splitWords(rest, this.escape);
    const expanded = words.map((w) => w.startsWith("<<") ? w : this.expand(w) ?? w);
    const dest = expanded.length > 1 ? this.resolvePath(expanded.at(-1)) : "";
    const fromFlag = flags.find((f) => f.startsWith("--from="));
    const copy = {
      keyword: instr.keyword,
      line: instr.line,
      endLine: instr.endLine,
      sources: expanded.slice(0, -1),
      dest
    };
    if (fromFlag) {
      const raw = fromFlag.slice("--from=".length);
      copy.fromStage = this.expand(raw) ?? raw;
    }
    return copy;
  }
  readPorts(instr) {
    return splitWords(instr.args, this.escape).map((raw) => {
      const value = this.expand(raw);
      const m = value !== void 0 ? /^(\d+)(?:-\d+)?(?:\/(\w+))?$/.exec(value) : null;
      if (!m) return { protocol: value?.split("/")[1] ?? "tcp", raw };
      return { port: Number(m[1]), protocol: (m[2] ?? "tcp").toLowerCase(), raw };
    });
  }
  /** An image path for `p` against the current WORKDIR; `p` as given when WORKDIR is unknown. */
  resolvePath(p) {
    if (p.startsWith("/")) return normalizeKeepSlash(p);
    if (this.workdir === void 0 || p.includes("$")) return p;
    return normalizeKeepSlash(posix2.join(this.workdir, p));
  }
  findTarget() {
    const wanted = this.options.target;
    if (!wanted) return this.stages.at(-1);
    const stage = this.stages.find((s) => s.name?.toLowerCase() === wanted.toLowerCase());
    if (!stage) this.error(void 0, `The build target '${wanted}' is not a stage of this Dockerfile.`);
    return stage;
  }
  /** The target and every stage it needs (FROM a stage, COPY --from, RUN --mount from=), in file order. */
  dependencies(target) {
    const seen = /* @__PURE__ */ new Set();
    const visit = (stage) => {
      if (seen.has(stage.index)) return;
      seen.add(stage.index);
      const refs = [];
      if (stage.from.stageRef !== void 0) visit(this.stages[stage.from.stageRef]);
      for (const i of stage.instructions) {
        if ((i.keyword === "COPY" || i.keyword === "ADD") && i.fromStage)
          refs.push(i.fromStage);
        if (i.keyword === "RUN") {
          for (const m of i.mounts) {
            const from = /(?:^|,)from=([^,]+)/.exec(m);
            if (from) refs.push(from[1]);
          }
        }
      }
      for (const ref of refs) {
        const dep = this.stageByRef(ref, stage.index);
        if (dep) visit(dep);
      }
    };
    visit(target);
    return this.stages.filter((s) => seen.has(s.index));
  }
  stageByRef(ref, before) {
    const lower = ref.toLowerCase();
    const named = this.stages.find((s) => s.index < before && s.name?.toLowerCase() === lower);
    if (named) return named;
    return /^\d+$/.test(ref) && Number(ref) < before ? this.stages[Number(ref)] : void 0;
  }
};
function expand(raw, lookup, escape = "\\") {
  let out = "";
  let quote;
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i];
    if (quote === "'") {
      if (c === "'") quote = void 0;
      else out += c;
      continue;
    }
    if (c === escape && i + 1 < raw.length) {
      const next = raw[i + 1];
      if (quote === '"' && next !== '"' && next !== "$" && next !== escape) {
        out += c;
        continue;
      }
      out += next;
      i++;
      continue;
    }
    if (c === '"' || c === "'" && !quote) {
      quote = quote === c ? void 0 : c;
      continue;
    }
    if (c === "$") {
      const parsed = variableAt(raw, i);
      if (!parsed) {
        out += c;
        continue;
      }
      const value = substitute(parsed, lookup, escape);
      if (value === void 0) return void 0;
      out += value;
      i = parsed.end - 1;
      continue;
    }
    out += c;
  }
  return out;
}
function variableAt(s, i) {
  if (s[i + 1] === "{") {
    let depth = 1;
    let j = i + 2;
    while (j < s.length && depth > 0) {
      if (s[j] === "{") depth++;
      else if (s[j] === "}") depth--;
      j++;
    }
    if (depth > 0) return void 0;
    const inner = s.slice(i + 2, j - 1);
    const m2 = /^([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-+?]|[#%/^,:]+)([\s\S]*))?$/.exec(inner);
    if (!m2) return { name: "", op: "?unsupported", end: j };
    return { name: m2[1], ...m2[2] ? { op: m2[2], word: m2[3] ?? "" } : {}, end: j };
  }
  const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(s.slice(i + 1));
  return m ? { name: m[0], end: i + 1 + m[0].length } : void 0;
}
function substitute(ref, lookup, escape) {
  const state = ref.name ? lookup(ref.name) : UNKNOWN;
  const set = state.kind === "value";
  const nonEmpty = set && state.value !== "";
  const word = () => expand(ref.word ?? "", lookup, escape);
  switch (ref.op) {
    case void 0:
      return set ? state.value : void 0;
    case ":-":
      return state.kind === "unknown" ? void 0 : nonEmpty ? state.value : word();
    case "-":
      return state.kind === "unknown" ? void 0 : set ? state.value : word();
    case ":+":
      return state.kind === "unknown" ? void 0 : nonEmpty ? word() : "";
    case "+":
      return state.kind === "unknown" ? void 0 : set ? word() : "";
    case ":?":
    case "?":
      return set ? state.value : void 0;
    default:
      return void 0;
  }
}
function parseImageRef(image) {
  let rest = image;
  let digest;
  const at = rest.indexOf("@");
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
  }
  const colon = rest.lastIndexOf(":");
  const slash = rest.lastIndexOf("/");
  let tag;
  if (colon > slash) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
  }
  return {
    repository: rest,
    ...tag !== void 0 ? { tag } : {},
    ...digest !== void 0 ? { digest } : {}
  };
}
function jsonArray(args) {
  const t2 = args.trim();
  if (!t2.startsWith("[")) return void 0;
  try {
    const v = JSON.parse(t2);
    return Array.isArray(v) && v.every((x) => typeof x === "string") ? v : void 0;
  } catch {
    return void 0;
  }
}
function takeFlags(args, escape) {
  const flags = [];
  let rest = args.trimStart();
  for (; ; ) {
    if (!rest.startsWith("--")) break;
    const word = splitWords(rest, escape)[0];
    if (!word) break;
    flags.push(word);
    rest = rest.slice(word.length).trimStart();
  }
  return { flags, rest };
}
function blankFlags(shellText) {
  let out = shellText;
  let i = 0;
  for (; ; ) {
    while (i < out.length && (/\s/.test(out[i]) || out[i] === "\\" && out[i + 1] === "\n")) i++;
    if (!out.startsWith("--", i)) return out;
    let j = i;
    let quote;
    while (j < out.length && (quote || !/\s/.test(out[j]))) {
      if (quote && out[j] === quote) quote = void 0;
      else if (!quote && (out[j] === '"' || out[j] === "'")) quote = out[j];
      j++;
    }
    if (out[j - 1] === "\\" && out[j] === "\n") j--;
    out = out.slice(0, i) + out.slice(i, j).replace(/[^\n]/g, " ") + out.slice(j);
    i = j;
  }
}
var NameLines = class {
  constructor(instr) {
    this.instr = instr;
    this.line = instr.argsLine;
  }
  instr;
  at = 0;
  line;
  /** The line of `name`, or the instruction's line when it is not found (an escaped or quoted name). */
  next(name2, slack) {
    const text = this.instr.shellText;
    const found = text.slice(this.at, this.at + name2.length + slack).indexOf(name2);
    if (found < 0 || name2 === "") return this.instr.line;
    for (let i = this.at; i < this.at + found; i++) if (text.charCodeAt(i) === 10) this.line++;
    this.at += found;
    return this.line;
  }
};
var nameSlack = (previousValue) => 4096 + 2 * (previousValue?.length ?? 0);
function normalizeKeepSlash(p) {
  const n = posix2.normalize(p);
  return n.length > 1 && n.endsWith("/") && !p.endsWith("/") ? n.slice(0, -1) : n;
}
function printable(s) {
  const clean2 = s.replace(/[^\x20-\x7e]/g, "?");
  return clean2.length > 40 ? `${clean2.slice(0, 40)}\u2026` : clean2;
}

// src/model/secret-names.ts
var SECRET_NAME = /PASSWORD|PASSWD|_PASS$|_PWD$|SECRET|TOKEN|_KEY$|API_KEY|PRIVATE/;
var NAMES_A_SECRET = /_(FILE|PATH|DIR|URL|ID)$/;
var NOT_SECRET = /PUBLIC|^GPG_KEY$/;
function isSecretName(name2) {
  const n = name2.toUpperCase();
  if (NAMES_A_SECRET.test(n) || NOT_SECRET.test(n)) return false;
  return SECRET_NAME.test(n);
}

// src/model/command.ts
var SHELLS2 = /* @__PURE__ */ new Set(["sh", "bash", "dash", "ash", "zsh", "ksh"]);
var PYTHON = /^python(\d+(\.\d+)*)?$/;
function effectiveCommand(app) {
  return chain(app, true);
}
function imageCommand(app) {
  return chain(app, false);
}
function startCommands(app) {
  const seen = /* @__PURE__ */ new Set();
  const out = [];
  for (const c of [...imageCommand(app), ...effectiveCommand(app)]) {
    const key = `${c.file}\0${c.line}\0${c.argv.join("\0")}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(c);
  }
  return out;
}
function containerEnv(app) {
  const env = { ...app.dockerfile?.targetStage?.env ?? {} };
  for (const e of app.compose?.appService?.environment ?? []) env[e.name] = e.value;
  return env;
}
function chain(app, withCompose) {
  const stage = app.dockerfile?.targetStage;
  const dockerfile = app.dockerfile?.file ?? "";
  const service = withCompose ? app.compose?.appService : void 0;
  const entrypoint = service?.entrypoint ? fromCompose(service.entrypoint, "compose-entrypoint") : stage?.entrypoint && fromInstr(stage.entrypoint, dockerfile);
  let cmd;
  if (service?.command) cmd = fromCompose(service.command, "compose-command");
  else if (!service?.entrypoint && stage?.cmd) cmd = fromInstr(stage.cmd, dockerfile);
  let pid1 = [];
  if (entrypoint?.argv) {
    const args = cmd ? cmd.argv ?? ["/bin/sh", "-c", cmd.raw] : [];
    pid1 = execCommand(cmd && args.length ? cmd.at : entrypoint.at, [...entrypoint.argv, ...args]);
    if (cmd && !cmd.argv) pid1.push(...cmd.script);
  } else if (entrypoint) {
    pid1 = entrypoint.script;
  } else if (cmd) {
    pid1 = cmd.argv ? execCommand(cmd.at, cmd.argv) : cmd.script;
  }
  return followScripts(pid1, app);
}
function execCommand(at, argv) {
  const out = [{ ...at, argv, redirects: [], viaExec: true }];
  const script = inlineScript(argv);
  if (script !== void 0) {
    for (const inner of parseShell(script, at.line).commands)
      out.push({ ...inner, file: at.file, origin: at.origin });
  }
  return out;
}
function fromInstr(instr, file) {
  const at = { file, line: instr.line, origin: instr.keyword };
  return {
    at,
    argv: instr.argv,
    raw: instr.raw,
    script: (instr.script?.commands ?? []).map((c) => ({ ...c, ...at, line: c.line }))
  };
}
function fromCompose(c, origin) {
  const at = { file: c.file, line: c.line, origin };
  const argv = c.argv ?? (c.script?.commands.length === 1 ? c.script.commands[0].argv : void 0);
  return {
    at,
    argv,
    raw: c.raw,
    script: (c.script?.commands ?? []).map((s) => ({ ...s, ...at, line: s.line }))
  };
}
function inlineScriptLastCommand(argv, line) {
  const script = inlineScript(argv);
  return script === void 0 ? void 0 : parseShell(script, line).commands.at(-1);
}
function inlineScript(argv) {
  if (argv.length < 3 || !SHELLS2.has(basename3(argv[0]))) return void 0;
  for (let i = 1; i < argv.length - 1; i++) {
    const a = argv[i];
    if (!a.startsWith("-") || a.startsWith("--")) return void 0;
    if (a.includes("c")) return argv[i + 1];
  }
  return void 0;
}
function followScripts(commands, app) {
  const scripts = app.entrypointScripts ?? [];
  const workdir = app.dockerfile?.targetStage?.workdir ?? "/";
  const out = [];
  let matched = false;
  for (const c of commands) {
    out.push(c);
    if (c.origin === "script") continue;
    const hit = scripts.length > 0 ? scriptRun(c.argv, scripts, workdir) : void 0;
    if (hit) {
      matched = true;
      out.push(...scriptCommands(hit.script, c, c.argv.slice(hit.argsFrom)));
    } else if (c.viaExec && c.argv.length > 1 && /\.sh$/.test(basename3(c.argv[0]))) {
      out.push({ ...c, argv: c.argv.slice(1) });
    }
  }
  if (!matched) for (const s of scripts) out.push(...scriptCommands(s, void 0, []));
  return out;
}
function scriptRun(argv, scripts, workdir) {
  const candidates = [0];
  if (argv.length > 1 && SHELLS2.has(basename3(argv[0]))) {
    const i = argv.findIndex((a, k) => k > 0 && !a.startsWith("-"));
    if (i > 0) candidates.push(i);
  }
  for (const i of candidates) {
    const word = argv[i];
    if (!word) continue;
    const script = scripts.find(
      (s) => word.includes("/") ? posix3.normalize(word.startsWith("/") ? word : posix3.join(workdir, word)) === posix3.normalize(s.imagePath) : basename3(s.imagePath) === word
    );
    if (script) return { script, argsFrom: i + 1 };
  }
  return void 0;
}
function scriptCommands(s, caller, args) {
  const out = [];
  for (const c of s.script.commands) {
    const runsArgs = c.argv[0] === "$@" || c.argv[0] === "$*" || c.argv[0] === "${@}";
    if (runsArgs && caller && args.length > 0) {
      out.push({ ...caller, argv: args, redirects: c.redirects, viaExec: c.viaExec });
      continue;
    }
    out.push({ ...c, file: s.file, origin: "script" });
  }
  return out;
}
function programArgv(argv) {
  let a = argv.slice();
  for (let guard = 0; guard < 8 && a.length > 0; guard++) {
    const p = basename3(a[0]);
    if (p === "env") {
      let i = 1;
      while (i < a.length && (a[i].startsWith("-") || /^[A-Za-z_][A-Za-z0-9_]*=/.test(a[i])))
        i += a[i] === "-u" ? 2 : 1;
      a = a.slice(i);
    } else if (["tini", "dumb-init", "nohup", "setsid", "stdbuf"].includes(p)) {
      let i = 1;
      while (i < a.length && a[i].startsWith("-")) i++;
      a = a.slice(i);
    } else if (p === "nice") {
      a = a.slice(a[1] === "-n" ? 3 : a[1]?.startsWith("-") ? 2 : 1);
    } else if (p === "gosu" || p === "su-exec") {
      a = a.slice(2);
    } else if (["poetry", "pipenv", "uv", "pdm", "hatch", "rye"].includes(p) && a[1] === "run") {
      let i = 2;
      while (i < a.length && a[i].startsWith("-")) i++;
      a = a.slice(i);
    } else if (p === "newrelic-admin" && a[1] === "run-program") {
      a = a.slice(2);
    } else if (p === "ddtrace-run" || p === "opentelemetry-instrument") {
      let i = 1;
      while (i < a.length && a[i].startsWith("-")) i++;
      a = a.slice(i);
    } else if (PYTHON.test(p)) {
      let i = 1;
      while (i < a.length && a[i].startsWith("-") && a[i] !== "-m" && a[i] !== "-c")
        i += ["-X", "-W"].includes(a[i]) ? 2 : 1;
      if (a[i] === "-m" && a[i + 1]) {
        const mod = a[i + 1] === "django" ? "django-admin" : a[i + 1];
        return [mod, ...a.slice(i + 2)];
      }
      if (!a[i] || a[i] === "-c") return [p, ...a.slice(1)];
      return [basename3(a[i]), ...a.slice(i + 1)];
    } else {
      return [p, ...a.slice(1)];
    }
  }
  return a.length ? [basename3(a[0]), ...a.slice(1)] : a;
}
function djangoCommand(argv) {
  const a = programArgv(argv);
  if (!["manage.py", "django-admin", "django-admin.py"].includes(a[0] ?? "")) return void 0;
  for (let i = 1; i < a.length; i++) {
    if (a[i] === "--settings" || a[i] === "--pythonpath") {
      i++;
      continue;
    }
    if (!a[i].startsWith("-")) return { name: a[i], args: a.slice(i + 1) };
  }
  return void 0;
}
function isRunserver(argv) {
  const name2 = djangoCommand(argv)?.name;
  return name2 === "runserver" || name2 === "runserver_plus";
}
function runserverAddr(argv, env = {}) {
  const dj = djangoCommand(argv);
  if (!dj || !(dj.name === "runserver" || dj.name === "runserver_plus")) return void 0;
  const ipv6 = dj.args.includes("-6") || dj.args.includes("--ipv6");
  const positional = dj.args.find((x) => !x.startsWith("-"));
  if (positional === void 0) return { host: ipv6 ? "::1" : "127.0.0.1", port: 8e3 };
  const value = resolveWord(positional, env);
  if (value === void 0) return { ...hostPortHint(positional) };
  if (/^\d+$/.test(value)) return { host: ipv6 ? "::1" : "127.0.0.1", port: Number(value) };
  const addr = splitHostPort(value);
  if (addr.host === "0") addr.host = "0.0.0.0";
  return addr;
}
function gunicornBind(argv, env = {}, options = {}) {
  const a = programArgv(argv);
  if (a[0] !== "gunicorn") return void 0;
  let binds = optionValues(a, ["-b", "--bind"]);
  if (binds.length === 0 && env.GUNICORN_CMD_ARGS)
    binds = optionValues(env.GUNICORN_CMD_ARGS.split(/\s+/), ["-b", "--bind"]);
  if (binds.length === 0) {
    if (optionValues(a, ["-c", "--config"]).length > 0 || options.configFileInContext) return void 0;
    if (env.PORT !== void 0) return [{ host: "0.0.0.0", ...portOf(env.PORT) }];
    if ("PORT" in env) return [{ host: "0.0.0.0" }];
    return [{ host: "127.0.0.1", port: 8e3 }];
  }
  const out = [];
  for (const b of binds) {
    if (b.startsWith("unix:") || b.startsWith("fd://")) continue;
    const value = resolveWord(b, env);
    out.push(value === void 0 ? hostPortHint(b) : splitHostPort(value.replace(/^tcp:\/\//, ""), ""));
  }
  return out;
}
function serverOf(argv, env = {}, options = {}) {
  if (isRunserver(argv)) {
    const addr = runserverAddr(argv, env);
    return { kind: "runserver", addresses: addr ? [addr] : void 0 };
  }
  const a = programArgv(argv);
  switch (a[0]) {
    case "gunicorn":
      return { kind: "gunicorn", addresses: gunicornBind(argv, env, options) };
    case "uvicorn":
      return {
        kind: "uvicorn",
        addresses: hostAndPort(a, env, ["--host"], ["--port"], "127.0.0.1", 8e3, "UVICORN", [
          "--uds",
          "--fd"
        ])
      };
    case "granian":
      return {
        kind: "granian",
        addresses: hostAndPort(a, env, ["--host"], ["--port"], "127.0.0.1", 8e3, "GRANIAN", ["--uds"])
      };
    case "daphne":
      return {
        kind: "daphne",
        addresses: hostAndPort(a, env, ["-b", "--bind"], ["-p", "--port"], "127.0.0.1", 8e3, void 0, [
          "-u",
          "--unix-socket",
          "--fd",
          "-e",
          "--endpoint"
        ])
      };
    case "hypercorn": {
      const binds = optionValues(a, ["-b", "--bind"]);
      if (binds.length === 0)
        return {
          kind: "hypercorn",
          addresses: optionValues(a, ["-c", "--config"]).length ? void 0 : [{ host: "127.0.0.1", port: 8e3 }]
        };
      return {
        kind: "hypercorn",
        addresses: binds.map((b) => {
          const v = resolveWord(b, env);
          return v === void 0 ? hostPortHint(b) : splitHostPort(v, "");
        })
      };
    }
    case "waitress-serve": {
      const listen = optionValues(a, ["--listen"]);
      if (listen.length)
        return {
          kind: "waitress",
          addresses: listen.map((l) => {
            const v = resolveWord(l, env);
            return v === void 0 ? hostPortHint(l) : splitHostPort(v, "");
          })
        };
      return {
        kind: "waitress",
        addresses: hostAndPort(a, env, ["--host"], ["--port"], "0.0.0.0", 8080, void 0, ["--unix-socket"])
      };
    }
    case "uwsgi": {
      const http = optionValues(a, ["--http", "--http-socket", "--https"]);
      if (http.length === 0) {
        const fromEnv = env.UWSGI_HTTP ?? env.UWSGI_HTTP_SOCKET;
        if (fromEnv !== void 0) return { kind: "uwsgi", addresses: [splitHostPort(fromEnv, "0.0.0.0")] };
        return { kind: "uwsgi", addresses: void 0 };
      }
      return {
        kind: "uwsgi",
        addresses: http.map((h) => {
          const v = resolveWord(h.split(",")[0], env);
          return v === void 0 ? hostPortHint(h) : splitHostPort(v, "0.0.0.0");
        })
      };
    }
    default:
      return void 0;
  }
}
var LOOPBACK = /^(127(\.\d+){3}|localhost|::1|\[::1\]|ip6-localhost)$/i;
function isLoopback(host) {
  return host !== void 0 && LOOPBACK.test(host);
}
function installsPackages(argv) {
  const a = programArgv(argv);
  const p = a[0] ?? "";
  const sub = a.find((x, i) => i > 0 && !x.startsWith("-"));
  if (/^pip\d*(\.\d+)?$/.test(p) && sub === "install") return `${p} install`;
  if (p === "pip" && sub === "install") return "pip install";
  if (p === "uv" && a[1] === "pip" && a[2] === "install") return "uv pip install";
  if ((p === "apt-get" || p === "apt") && sub === "install") return `${p} install`;
  if (p === "apk" && sub === "add") return "apk add";
  if ((p === "poetry" || p === "pipenv") && sub === "install") return `${p} install`;
  if (p === "uv" && (a[1] === "sync" || a[1] === "pip" && a[2] === "sync"))
    return a[1] === "sync" ? "uv sync" : "uv pip sync";
  if (p === "pip-sync") return "pip-sync";
  return void 0;
}
function optionValues(argv, names) {
  const out = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    for (const n of names) {
      if (a === n && i + 1 < argv.length) out.push(argv[++i]);
      else if (n.startsWith("--") && a.startsWith(`${n}=`)) out.push(a.slice(n.length + 1));
      else if (!n.startsWith("--") && a.startsWith(n) && a.length > n.length && !a.startsWith("--"))
        out.push(a.slice(n.length));
    }
  }
  return out;
}
function hostAndPort(a, env, hostFlags, portFlags, defaultHost, defaultPort, envPrefix, unknownFlags) {
  if (unknownFlags.some((f) => optionValues(a, [f]).length > 0 || a.includes(f))) return void 0;
  const hostRaw = optionValues(a, hostFlags).at(-1) ?? (envPrefix ? env[`${envPrefix}_HOST`] : void 0);
  const portRaw = optionValues(a, portFlags).at(-1) ?? (envPrefix ? env[`${envPrefix}_PORT`] : void 0);
  const host = hostRaw === void 0 ? defaultHost : resolveWord(hostRaw, env);
  const port = portRaw === void 0 ? defaultPort : portOf(resolveWord(portRaw, env)).port;
  return [{ ...host !== void 0 ? { host } : {}, ...port !== void 0 ? { port } : {} }];
}
function splitHostPort(value, emptyHost = "0.0.0.0") {
  let host = value;
  let port;
  const v6 = /^\[([^\]]*)\](?::(.*))?$/.exec(value);
  if (v6) {
    host = v6[1];
    port = v6[2];
  } else if (value.includes(":")) {
    const i = value.lastIndexOf(":");
    host = value.slice(0, i);
    port = value.slice(i + 1);
  }
  return { host: host === "" ? emptyHost : host.toLowerCase(), ...portOf(port ?? "8000") };
}
function hostPortHint(raw) {
  const m = /^([^$:]+):/.exec(raw);
  return m ? { host: m[1].toLowerCase() } : {};
}
function portOf(v) {
  return v !== void 0 && /^\d+$/.test(v) ? { port: Number(v) } : {};
}
function resolveWord(word, env) {
  if (!word.includes("$")) return word;
  return expand(word, (name2) => {
    if (!(name2 in env)) return { kind: "unset" };
    const v = env[name2];
    return v === void 0 ? { kind: "unknown" } : { kind: "value", value: v };
  });
}
function basename3(p) {
  return p.slice(p.lastIndexOf("/") + 1);
}
var PIP_VALUE_OPTIONS = /* @__PURE__ */ new Set([
  "-r",
  "--requirement",
  "-c",
  "--constraint",
  "-e",
  "--editable",
  "-i",
  "--index-url",
  "--extra-index-url",
  "-f",
  "--find-links",
  "-t",
  "--target",
  "--prefix",
  "--root",
  "--src",
  "--platform",
  "--python-version",
  "--implementation",
  "--abi",
  "--upgrade-strategy",
  "--progress-bar",
  "--global-option",
  "--install-option",
  "-C",
  "--config-settings",
  "--cache-dir",
  "--log",
  "--log-file",
  "--proxy",
  "--retries",
  "--timeout",
  "--exists-action",
  "--trusted-host",
  "--cert",
  "--client-cert",
  "--no-binary",
  "--only-binary",
  "--report",
  "--root-user-action",
  "--python",
  "-p",
  "--use-feature",
  "--use-deprecated",
  "--keyring-provider",
  "--group",
  "--build-constraint",
  "--index-strategy",
  "--resolution",
  "--prerelease",
  "--extra",
  "--link-mode"
]);
var PIP_TOOLING = /* @__PURE__ */ new Set(["pip", "setuptools", "wheel"]);
function pipInstall(argv) {
  const a = programArgv(argv);
  let i;
  if (/^pip(\d+(\.\d+)*)?$/.test(a[0] ?? "")) i = 1;
  else if (a[0] === "uv" && a[1] === "pip") i = 2;
  else return void 0;
  while (i < a.length && a[i].startsWith("-")) i += PIP_VALUE_OPTIONS.has(a[i]) ? 2 : 1;
  if (a[i] !== "install") return void 0;
  const out = { byName: [], requirementFiles: [], constrained: false, unpinnedTooling: [] };
  for (i = i + 1; i < a.length; i++) {
    const arg = a[i];
    if (arg.startsWith("-")) {
      const [flag, inline] = arg.startsWith("--") ? arg.split(/=(.*)/s) : [arg.slice(0, 2), arg.slice(2)];
      const takesValue = PIP_VALUE_OPTIONS.has(flag);
      const value = takesValue ? inline || a[++i] : void 0;
      if (flag === "-r" || flag === "--requirement") out.requirementFiles.push(value ?? "");
      if (flag === "-c" || flag === "--constraint") out.constrained = true;
      continue;
    }
    const spec = requirementSpec(arg);
    if (spec && PIP_TOOLING.has(spec.name.toLowerCase())) {
      if (!spec.pinned) out.unpinnedTooling.push(spec.spec);
    } else if (spec) out.byName.push(spec);
  }
  return out;
}
function requirementSpec(arg) {
  const name2 = /^[A-Za-z0-9][A-Za-z0-9._-]*/.exec(arg)?.[0];
  if (!name2) return void 0;
  const rest = arg.slice(name2.length);
  if (/^(\[[^\]]*\])?\s*@/.test(rest) || arg.includes("://") || arg.includes("/")) return void 0;
  if (/\.(whl|zip|tar\.gz|tgz|tar\.bz2)$/i.test(arg)) return void 0;
  const pinned = /(^|[^=!<>~])===?\s*[^\s=*,;]+/.test(rest) && !/==\s*[^,;]*\*/.test(rest);
  if (!pinned && rest.includes("$")) return void 0;
  return { spec: arg, name: name2, pinned };
}
function buildCommands(stages) {
  const out = [];
  for (const stage of stages) {
    for (const instr of stage.instructions) {
      if (instr.keyword !== "RUN") continue;
      const run = instr;
      if (run.argv) {
        out.push({ argv: run.argv, line: run.line, redirects: [], viaExec: true });
        const script = inlineScript(run.argv);
        if (script !== void 0) out.push(...parseShell(script, run.line).commands);
      } else out.push(...run.script?.commands ?? []);
    }
  }
  return out;
}
function hasGunicornConfig(app) {
  return (app.context?.files ?? []).some((f) => basename3(f) === "gunicorn.conf.py");
}

// src/rules/TF0202-python-deps-unpinned.ts
var pythonDepsUnpinned = defineRule({
  id: "TF0202",
  name: "python-deps-unpinned",
  factor: "II",
  severity: "warning",
  kind: "S",
  title: "pip install NAME in a RUN without an exact version (==/===), or a requirements file the image installs has a line without an exact pin or hash; upgrading the installer itself (pip install --upgrade pip setuptools wheel) is a notice",
  help: `A dependency without an exact version resolves to whatever is newest when the image is built, so the same
commit builds different releases, and a new upstream version can break production without a code change.

Pin every requirement with \`==\` (or install with \`--require-hashes\`), ideally in a lock file generated by
\`pip-compile\`, \`uv pip compile\` or \`poetry lock\`. Installing a local path or wheel (\`pip install .\`,
\`./dist/app.whl\`), a requirements file (\`-r\`, judged line by line) or with a constraints file (\`-c\`) is not
reported. Upgrading the installer itself (\`pip install --upgrade pip setuptools wheel\`) is only a notice: it does
not change what the app imports, but it still makes two builds of one commit differ.

\`\`\`dockerfile
# instead of: RUN pip install django gunicorn
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt   # django==5.1.4, gunicorn==23.0.0
\`\`\``,
  related: ["DL3013"],
  check(project) {
    const findings = [];
    for (const app of project.apps) {
      const df = app.dockerfile;
      if (df) {
        for (const cmd of buildCommands(df.builtStages)) {
          const pip = pipInstall(cmd.argv);
          if (!pip || pip.constrained) continue;
          const loose = pip.byName.filter((r) => !r.pinned).map((r) => r.spec);
          if (loose.length === 0 && pip.unpinnedTooling.length > 0) {
            findings.push({
              file: df.file,
              line: cmd.line,
              severity: "notice",
              message: `pip upgrades the installer itself (${pip.unpinnedTooling.map((s) => `'${s}'`).join(", ")}) to whatever is newest, so two builds of one commit can differ. Pin it (${pip.unpinnedTooling[0].replace(/[<>=!~].*$/, "")}==<version>) or rely on the base image's version.`
            });
            continue;
          }
          if (loose.length === 0) continue;
          findings.push({
            file: df.file,
            line: cmd.line,
            message: `pip installs ${loose.map((s) => `'${s}'`).join(", ")} without an exact version. Pin each one (${loose[0].replace(/[<>=!~].*$/, "")}==<version>) or install from a pinned requirements file.`
          });
        }
      }
      for (const req of app.requirements) {
        for (const line of req.lines) {
          if (line.pinned || line.kind !== "package") continue;
          findings.push({
            file: req.file,
            line: line.line,
            message: `'${line.text.trim()}' is not pinned to an exact version. Write ${line.name ?? "the package"}==<version> (or lock the file with pip-compile/uv and --require-hashes).`
          });
        }
      }
    }
    return findings;
  }
});

// src/rules/TF0203-no-dependency-manifest.ts
var MANIFEST = /(^|\/)(requirements[^/]*\.txt|requirements\/[^/]+\.txt|pyproject\.toml|Pipfile|Pipfile\.lock|poetry\.lock|uv\.lock)$/;
var noDependencyManifest = defineRule({
  id: "TF0203",
  name: "no-dependency-manifest",
  factor: "II",
  severity: "notice",
  kind: "S",
  title: "The app image installs Python packages but from no manifest in the repository (requirements*.txt, pyproject.toml, Pipfile.lock, poetry.lock, uv.lock)",
  help: `When the Dockerfile names the packages itself (\`RUN pip install django gunicorn psycopg\`), the dependency list
lives only in the image recipe: developers, CI and tools such as Dependabot cannot read it, and the versions used
locally drift from the image.

Declare the dependencies in a manifest next to the code and install from it.

\`\`\`dockerfile
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt
\`\`\``,
  related: [],
  check(project) {
    const findings = [];
    for (const app of project.apps) {
      const df = app.dockerfile;
      if (!df || !app.context || app.requirements.length > 0) continue;
      if (app.context.files.some((f) => MANIFEST.test(f))) continue;
      for (const cmd of buildCommands(df.builtStages)) {
        const pip = pipInstall(cmd.argv);
        if (!pip || pip.byName.length === 0) continue;
        findings.push({
          file: df.file,
          line: cmd.line,
          message: `The image installs ${pip.byName.map((r) => r.name).join(", ")} by name, and the repository has no dependency manifest. Declare them in requirements.txt (or pyproject.toml with a lock file) and install with pip install -r requirements.txt.`
        });
      }
    }
    return findings;
  }
});

// src/rules/TF0204-deps-installed-at-start.ts
var depsInstalledAtStart = defineRule({
  id: "TF0204",
  name: "deps-installed-at-start",
  factor: "II",
  severity: "error",
  kind: "S",
  title: "Dependencies are installed when the container starts: pip install, apt-get install, apk add in CMD/ENTRYPOINT, in a compose command/entrypoint, or in the entrypoint script the image runs",
  help: `Installing packages when the container starts makes every start slow and dependent on the network and on package
indexes, and each replica can end up with different versions: the image is no longer the release.

Install everything at build time, in a \`RUN\`, and keep the start command to starting the server.

\`\`\`dockerfile
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt
CMD ["gunicorn", "--bind", "0.0.0.0:8000", "mysite.wsgi"]
\`\`\``,
  related: [],
  check(project) {
    const findings = [];
    for (const app of project.apps) {
      for (const cmd of startCommands(app)) {
        const what = installsPackages(cmd.argv);
        if (!what) continue;
        findings.push({
          file: cmd.file,
          line: cmd.line,
          message: `'${what}' runs every time the container starts. Move the installation into a RUN of the Dockerfile so the image carries its dependencies.`
        });
      }
    }
    return findings;
  }
});

// src/model/compose.ts
import { posix as posix4 } from "node:path";

// src/parse/compose.ts
var import_yaml = __toESM(require_dist(), 1);
var MAX_ALIAS_COUNT = 100;
var MAX_NODES = 2e5;
function parseComposeYaml(file, text) {
  const lineCounter = new import_yaml.LineCounter();
  let doc;
  try {
    doc = (0, import_yaml.parseDocument)(text, { lineCounter, merge: true, prettyErrors: false, uniqueKeys: false });
  } catch (error) {
    return { errors: [{ file, message: `invalid YAML: ${error.message}` }] };
  }
  if (doc.errors.length > 0) {
    const first = doc.errors[0];
    const line = first.linePos?.[0]?.line ?? lineCounter.linePos(first.pos[0]).line;
    return { errors: [{ file, line, message: `invalid YAML: ${first.message.split("\n")[0]}` }] };
  }
  try {
    if (text.includes("*")) doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    return {
      errors: [{ file, line: 1, message: `YAML not accepted: ${error.message.split("\n")[0]}` }]
    };
  }
  if (doc.contents === null) return { errors: [] };
  const budget = { nodes: 0 };
  try {
    const ctx = { file, doc, lineCounter, budget, resolving: /* @__PURE__ */ new Set() };
    const root = convert2(doc.contents, ctx);
    if (ctx.duplicate) {
      const { key, line } = ctx.duplicate;
      return {
        errors: [{ file, line, message: `invalid YAML: map keys must be unique ('${key}' is repeated)` }]
      };
    }
    return { root, errors: [] };
  } catch (error) {
    return { errors: [{ file, line: 1, message: `YAML not accepted: ${error.message}` }] };
  }
}
function lineOf(node, ctx) {
  const offset = node?.range?.[0];
  return offset === void 0 ? 1 : ctx.lineCounter.linePos(offset).line;
}
function convert2(node, ctx, at) {
  if (++ctx.budget.nodes > MAX_NODES) throw new Error("too many nodes after alias expansion");
  if (node === null || node === void 0) {
    return { kind: "scalar", value: null, block: false, file: ctx.file, line: at ?? 1 };
  }
  if ((0, import_yaml.isAlias)(node)) {
    const target = node.resolve(ctx.doc);
    if (!target || ctx.resolving.has(target)) throw new Error(`unresolvable alias *${node.source}`);
    ctx.resolving.add(target);
    try {
      return convert2(target, ctx);
    } finally {
      ctx.resolving.delete(target);
    }
  }
  const line = lineOf(node, ctx);
  const tag = node.tag === "!reset" ? "reset" : node.tag === "!override" ? "override" : void 0;
  const tagged = tag ? { tag } : {};
  if ((0, import_yaml.isScalar)(node)) {
    const v = node.value;
    const value = v === null || v === void 0 ? null : typeof v === "string" || typeof v === "number" || typeof v === "boolean" ? v : typeof v === "bigint" ? Number(v) : v instanceof Date ? node.source ?? v.toISOString() : String(node.source ?? "");
    const block = node.type === "BLOCK_LITERAL" || node.type === "BLOCK_FOLDED";
    return { kind: "scalar", value: tag === "reset" ? null : value, block, file: ctx.file, line, ...tagged };
  }
  if ((0, import_yaml.isSeq)(node)) {
    return {
      kind: "seq",
      items: node.items.map((item) => convert2(item, ctx, line)),
      file: ctx.file,
      line,
      ...tagged
    };
  }
  if ((0, import_yaml.isMap)(node)) {
    const entries = [];
    const index = /* @__PURE__ */ new Map();
    const merged = [];
    for (const pair2 of node.items) {
      const key = pair2.key;
      const keyLine = lineOf(key, ctx);
      if ((0, import_yaml.isScalar)(key) && (key.source === "<<" || typeof key.value === "symbol")) {
        const sources = convert2(pair2.value, ctx, keyLine);
        const maps = sources.kind === "seq" ? sources.items : [sources];
        for (const m of maps) {
          if (m.kind !== "map") continue;
          for (const e of m.entries) if (!merged.some((x) => x.key === e.key)) merged.push(e);
        }
        continue;
      }
      const keyText = (0, import_yaml.isScalar)(key) ? String(key.value ?? "") : (0, import_yaml.isAlias)(key) ? aliasKey(key, ctx) : String(key);
      const value = convert2(pair2.value, ctx, keyLine);
      const entry = { key: keyText, line: keyLine, file: ctx.file, value };
      const existing = index.get(keyText);
      if (existing !== void 0) {
        ctx.duplicate ??= { key: keyText, line: keyLine };
        entries[existing] = entry;
      } else index.set(keyText, entries.push(entry) - 1);
    }
    for (const e of merged) if (!index.has(e.key)) entries.push(e);
    return { kind: "map", entries, file: ctx.file, line, ...tagged };
  }
  return { kind: "scalar", value: null, block: false, file: ctx.file, line };
}
function aliasKey(alias, ctx) {
  const target = (0, import_yaml.isAlias)(alias) ? alias.resolve(ctx.doc) : void 0;
  return (0, import_yaml.isScalar)(target) ? String(target.value ?? "") : "";
}
function entryOf(node, key) {
  return node?.kind === "map" ? node.entries.find((e) => e.key === key) : void 0;
}

// src/model/compose.ts
function modelCompose(files, env, options = {}) {
  const errors = [];
  try {
    return build(files, env, options, errors);
  } catch (error) {
    const message = `compose files could not be modelled: ${error.message}`;
    return { errors: [...errors, { file: files[0]?.file ?? ".", message }] };
  }
}
function build(files, env, options, errors) {
  const loader = new Loader(files, options.texts ?? {}, env, errors);
  const projectDir = files.length > 0 ? posix4.dirname(files[0].file) : ".";
  const dirFor = (file) => loader.mergeFiles.has(file) ? projectDir : posix4.dirname(file);
  const used = [];
  const merged = /* @__PURE__ */ new Map();
  const volumes = /* @__PURE__ */ new Set();
  for (const { file } of files) {
    const doc = loader.load(file);
    if (!doc) continue;
    used.push(file);
    for (const name2 of doc.services.keys()) {
      const resolved = loader.resolve(file, name2, []);
      if (!resolved) continue;
      const prev = merged.get(name2);
      if (prev) prev.node = mergeMaps(prev.node, resolved.node, env, SERVICE_RULES);
      else merged.set(name2, { name: name2, file, line: resolved.line, node: resolved.node });
    }
    for (const v of doc.volumes) volumes.add(v);
  }
  if (used.length === 0) return { errors };
  const conv = new Converter(env, dirFor, loader.texts, errors);
  const services = [...merged.values()].map((s) => conv.service(s.name, s.file, s.line, s.node));
  const appService = pickAppService(services);
  if (appService) appService.role = "app";
  return { model: { files: used, services, appService, volumes: [...volumes] }, errors };
}
function interpolate2(raw, env) {
  let out = "";
  let interpolated = false;
  let i = 0;
  while (i < raw.length) {
    const c = raw[i];
    if (c !== "$") {
      out += c;
      i++;
      continue;
    }
    const next = raw[i + 1];
    if (next === "$") {
      out += "$";
      i += 2;
      continue;
    }
    if (next === "{") {
      const end = matchingBrace(raw, i + 1);
      const m = end < 0 ? null : /^([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?+])([\s\S]*))?$/.exec(raw.slice(i + 2, end));
      if (!m) {
        out += c;
        i++;
        continue;
      }
      interpolated = true;
      const name3 = m[1];
      const op = m[2];
      const isSet = Object.prototype.hasOwnProperty.call(env, name3);
      const val = isSet ? env[name3] : "";
      const present = op?.startsWith(":") ? val !== "" : isSet;
      const arg = () => interpolate2(m[3] ?? "", env).value;
      if (op === void 0) out += val;
      else if (op.endsWith("-")) out += present ? val : arg();
      else if (op.endsWith("?")) out += val;
      else out += present ? arg() : "";
      i = end + 1;
      continue;
    }
    const name2 = /^[A-Za-z_][A-Za-z0-9_]*/.exec(raw.slice(i + 1));
    if (name2) {
      interpolated = true;
      out += Object.prototype.hasOwnProperty.call(env, name2[0]) ? env[name2[0]] : "";
      i += 1 + name2[0].length;
      continue;
    }
    out += c;
    i++;
  }
  return { value: out, interpolated };
}
function matchingBrace(s, open) {
  let depth = 0;
  for (let i = open; i < s.length; i++) {
    if (s[i] === "{") depth++;
    else if (s[i] === "}" && --depth === 0) return i;
  }
  return -1;
}
function parseDotenv(text) {
  const out = [];
  text.split(/\r?\n/).forEach((rawLine, i) => {
    const line = rawLine.trim();
    if (line === "" || line.startsWith("#")) return;
    const m = /^(?:export\s+)?([A-Za-z_][A-Za-z0-9_.-]*)\s*(?:=\s*(.*))?$/.exec(line);
    if (!m) return;
    let value = m[2];
    if (value !== void 0) {
      const q = value[0];
      if ((q === '"' || q === "'") && value.lastIndexOf(q) > 0) value = value.slice(1, value.lastIndexOf(q));
      else value = value.replace(/\s+#.*$/, "").trim();
    }
    out.push({ name: m[1], value, line: i + 1 });
  });
  return out;
}
var Loader = class {
  constructor(files, texts, env, errors) {
    this.texts = texts;
    this.env = env;
    this.errors = errors;
    this.mergeFiles = new Set(files.map((f) => f.file));
    this.sources = new Map(files.map((f) => [f.file, f.text]));
  }
  texts;
  env;
  errors;
  mergeFiles;
  cache = /* @__PURE__ */ new Map();
  resolved = /* @__PURE__ */ new Map();
  sources;
  load(file) {
    if (this.cache.has(file)) return this.cache.get(file);
    const text = this.sources.get(file) ?? this.texts[file];
    let loaded;
    if (text !== void 0) {
      const { root, errors } = parseComposeYaml(file, text);
      this.errors.push(...errors);
      if (errors.length === 0) loaded = this.shape(file, root);
    }
    this.cache.set(file, loaded);
    return loaded;
  }
  shape(file, root) {
    const services = /* @__PURE__ */ new Map();
    const volumes = [];
    if (root === void 0) return { services, volumes };
    if (root.kind !== "map") {
      this.errors.push({
        file,
        line: root.line,
        message: "a compose file must be a mapping at the top level"
      });
      return void 0;
    }
    const s = entryOf(root, "services");
    if (s && s.value.kind === "map") {
      for (const e of s.value.entries) {
        if (e.value.kind === "map" || e.value.kind === "scalar" && e.value.value === null)
          services.set(e.key, e);
        else
          this.errors.push({
            file,
            line: e.line,
            message: `service '${e.key}' must be a mapping, found ${kindOf(e.value)}`
          });
      }
    } else if (s && !isNull(s.value)) {
      this.errors.push({
        file,
        line: s.line,
        message: `'services' must be a mapping, found ${kindOf(s.value)}`
      });
    }
    const v = entryOf(root, "volumes");
    if (v && v.value.kind === "map") volumes.push(...v.value.entries.map((e) => e.key));
    else if (v && !isNull(v.value)) {
      this.errors.push({
        file,
        line: v.line,
        message: `top-level 'volumes' must be a mapping, found ${kindOf(v.value)}`
      });
    }
    return { services, volumes };
  }
  /** The service `name` of `file` with its `extends` chain applied. `stack` holds the chain being resolved. */
  resolve(file, name2, stack) {
    const key = `${file}#${name2}`;
    if (this.resolved.has(key)) return this.resolved.get(key);
    const entry = this.load(file)?.services.get(name2);
    if (!entry) return void 0;
    const own = entry.value.kind === "map" ? entry.value : { kind: "map", entries: [], file, line: entry.line };
    let node = own;
    const ext = entryOf(own, "extends");
    if (ext) {
      node = { ...own, entries: own.entries.filter((e) => e.key !== "extends") };
      const target = this.extendsTarget(file, ext);
      if (target) {
        const targetKey = `${target.file}#${target.service}`;
        if (stack.includes(targetKey) || targetKey === key) {
          this.errors.push({ file, line: ext.line, message: `'extends' of service '${name2}' forms a cycle` });
        } else if (this.load(target.file)) {
          const base = this.resolve(target.file, target.service, [...stack, key]);
          if (base) node = mergeMaps(base.node, node, this.env, SERVICE_RULES);
          else {
            this.errors.push({
              file,
              line: ext.line,
              message: `service '${name2}' extends '${target.service}', which ${target.file} does not define`
            });
          }
        }
      }
    }
    const result = { node, line: entry.line };
    this.resolved.set(key, result);
    return result;
  }
  extendsTarget(file, ext) {
    const v = ext.value;
    if (v.kind === "scalar" && typeof v.value === "string") return { file, service: v.value };
    if (v.kind === "map") {
      const service = scalarString(entryOf(v, "service")?.value);
      const other = scalarString(entryOf(v, "file")?.value);
      if (service) return { file: other ? relPath(posix4.dirname(file), other) : file, service };
    }
    this.errors.push({
      file,
      line: ext.line,
      message: "'extends' must name a service (string or {service, file})"
    });
    return void 0;
  }
};
var SERVICE_RULES = {
  command: "replace",
  entrypoint: "replace",
  environment: "keyed",
  labels: "keyed",
  annotations: "keyed",
  depends_on: "keyed",
  volumes: "volumes",
  ports: "uniqueAppend",
  expose: "uniqueAppend",
  dns: "uniqueAppend",
  dns_search: "uniqueAppend",
  env_file: "uniqueAppend",
  secrets: "uniqueAppend",
  healthcheck: { map: { test: "replace" } },
  build: { map: { args: "keyed", labels: "keyed" } }
};
function mergeMaps(base, over, env, rules) {
  const entries = [...base.entries];
  for (const e of over.entries) {
    const i = entries.findIndex((x) => x.key === e.key);
    if (e.value.tag === "reset") {
      if (i >= 0) entries.splice(i, 1);
    } else if (i < 0) entries.push(e);
    else if (e.value.tag === "override") entries[i] = e;
    else entries[i] = { ...e, value: mergeValue(entries[i].value, e.value, env, rules[e.key], e.key) };
  }
  return { ...over, entries: entries.filter((e) => e.value.tag !== "reset") };
}
function mergeValue(a, b, env, rule, key) {
  if (rule === "replace") return b;
  if (key === "build") {
    a = buildAsMap(a);
    b = buildAsMap(b);
  }
  if (rule === "keyed") {
    const am = keyedAsMap(a);
    const bm = keyedAsMap(b);
    return am && bm ? mergeMaps(am, bm, env, {}) : b;
  }
  if (a.kind === "seq" && b.kind === "seq") {
    if (rule === "volumes") {
      const targets = new Set(b.items.map((i) => volumeTarget(i, env)).filter((t2) => t2 !== void 0));
      return {
        ...b,
        items: [...a.items.filter((i) => !targets.has(volumeTarget(i, env) ?? "\0")), ...b.items]
      };
    }
    if (rule === "uniqueAppend") {
      const seen = new Set(a.items.map(identity));
      return { ...b, items: [...a.items, ...b.items.filter((i) => !seen.has(identity(i)))] };
    }
    return { ...b, items: [...a.items, ...b.items] };
  }
  if (a.kind === "map" && b.kind === "map")
    return mergeMaps(a, b, env, typeof rule === "object" ? rule.map : {});
  return b;
}
function identity(n) {
  return n.kind === "scalar" ? String(n.value) : JSON.stringify(plain(n));
}
function plain(n) {
  if (n.kind === "scalar") return n.value;
  if (n.kind === "seq") return n.items.map(plain);
  return Object.fromEntries(n.entries.map((e) => [e.key, plain(e.value)]));
}
function buildAsMap(n) {
  if (n.kind !== "scalar" || n.value === null) return n;
  return {
    kind: "map",
    file: n.file,
    line: n.line,
    entries: [{ key: "context", line: n.line, file: n.file, value: n }]
  };
}
function keyedAsMap(n) {
  if (n.kind === "map") return n;
  if (n.kind !== "seq") return void 0;
  const entries = [];
  for (const item of n.items) {
    if (item.kind !== "scalar" || item.value === null) continue;
    const text = String(item.value);
    const eq = text.indexOf("=");
    const key = eq < 0 ? text : text.slice(0, eq);
    const value = {
      kind: "scalar",
      value: eq < 0 ? null : text.slice(eq + 1),
      block: false,
      file: item.file,
      line: item.line
    };
    const entry = { key, line: item.line, file: item.file, value };
    const i = entries.findIndex((e) => e.key === key);
    if (i >= 0) entries[i] = entry;
    else entries.push(entry);
  }
  return { kind: "map", entries, file: n.file, line: n.line };
}
function volumeTarget(n, env) {
  if (n.kind === "map") return scalarString(entryOf(n, "target")?.value);
  if (n.kind !== "scalar" || n.value === null) return void 0;
  const parts = interpolate2(String(n.value), env).value.split(":");
  return parts.length === 1 ? parts[0] : parts[1];
}
var Converter = class {
  constructor(env, dirFor, texts, errors) {
    this.env = env;
    this.dirFor = dirFor;
    this.texts = texts;
    this.errors = errors;
  }
  env;
  dirFor;
  texts;
  errors;
  wrong(e, what, expected, found) {
    this.errors.push({
      file: e.file,
      line: e.line,
      message: `${what} must be ${expected}, found ${kindOf(found)}`
    });
  }
  str(n) {
    const raw = String(n.value);
    return {
      raw,
      ...typeof n.value === "string" ? interpolate2(raw, this.env) : { value: raw, interpolated: false }
    };
  }
  service(name2, file, line, node) {
    const s = {
      name: name2,
      file,
      line,
      environment: [],
      envFiles: [],
      ports: [],
      expose: [],
      volumes: [],
      dependsOn: [],
      secrets: [],
      role: "other"
    };
    const where = `services.${name2}`;
    for (const e of node.entries) {
      const v = e.value;
      const what = `${where}.${e.key}`;
      if (isNull(v)) continue;
      switch (e.key) {
        case "image":
          if (v.kind === "scalar") s.image = this.image(e, v);
          else this.wrong(e, what, "a string", v);
          break;
        case "build":
          s.build = this.build(e, what);
          break;
        case "command":
        case "entrypoint": {
          const c = this.command(e, what);
          if (c) s[e.key] = c;
          break;
        }
        case "environment":
          s.environment = this.envEntries(e, what).map((x) => ({ ...x, source: "environment" }));
          break;
        case "env_file":
          s.envFiles = this.envFiles(e, what);
          break;
        case "ports":
          s.ports = this.list(e, what, (item) => this.port(item, what));
          break;
        case "expose":
          s.expose = this.list(e, what, (item) => {
            if (item.kind !== "scalar") {
              this.wrong(item, `${what} item`, "a port", item);
              return void 0;
            }
            const raw = this.str(item).value;
            const m = /^(\d+)(?:\/\w+)?$/.exec(raw);
            return { file: item.file, line: item.line, raw, port: m ? Number(m[1]) : void 0 };
          });
          break;
        case "volumes":
          s.volumes.push(...this.list(e, what, (item) => this.volume(item, what)));
          break;
        case "tmpfs": {
          const items = v.kind === "seq" ? v.items : [v];
          for (const item of items) {
            if (item.kind !== "scalar" || item.value === null) continue;
            const target = this.str(item).value.split(":")[0];
            s.volumes.push({ file: item.file, line: item.line, type: "tmpfs", target, readOnly: false });
          }
          break;
        }
        case "depends_on": {
          const m = keyedAsMap(v);
          if (!m) {
            this.wrong(e, what, "a list or a mapping", v);
            break;
          }
          for (const d of m.entries) {
            const cond = scalarString(entryOf(d.value, "condition")?.value);
            s.dependsOn.push({
              file: d.file,
              line: d.line,
              service: d.key,
              ...cond ? { condition: cond } : {}
            });
          }
          break;
        }
        case "healthcheck":
          if (v.kind === "map") {
            const test = entryOf(v, "test")?.value;
            const disable = entryOf(v, "disable")?.value;
            const none = test?.kind === "seq" && test.items[0]?.kind === "scalar" && test.items[0].value === "NONE" || test?.kind === "scalar" && test.value === "NONE";
            s.healthcheck = {
              file: e.file,
              line: e.line,
              disabled: disable?.kind === "scalar" && disable.value === true || none
            };
          } else this.wrong(e, what, "a mapping", v);
          break;
        case "container_name":
          if (v.kind === "scalar") s.containerName = { file: e.file, line: e.line, value: this.str(v).value };
          else this.wrong(e, what, "a string", v);
          break;
        case "secrets":
          for (const item of this.list(e, what, (i) => i)) {
            const secret = item.kind === "map" ? scalarString(entryOf(item, "source")?.value) : scalarString(item);
            if (secret) s.secrets.push(secret);
          }
          break;
        default:
          break;
      }
    }
    this.addEnvFileEntries(s);
    if (s.image) s.role = roleOf(s.image.repository);
    return s;
  }
  list(e, what, each) {
    if (e.value.kind !== "seq") {
      this.wrong(e, what, "a list", e.value);
      return [];
    }
    const out = [];
    for (const item of e.value.items) {
      if (isNull(item)) continue;
      const r = each(item);
      if (r !== void 0) out.push(r);
    }
    return out;
  }
  image(e, v) {
    const { value, raw, interpolated } = this.str(v);
    return { file: e.file, line: e.line, value, ...splitImage(value), raw, interpolated };
  }
  build(e, what) {
    const n = buildAsMap(e.value);
    if (n.kind !== "map") {
      this.wrong(e, what, "a string or a mapping", e.value);
      return void 0;
    }
    const ctxNode = entryOf(n, "context")?.value;
    const ctxFile = ctxNode?.file ?? e.file;
    let context = relPath(this.dirFor(ctxFile), ".");
    if (ctxNode?.kind === "scalar" && ctxNode.value !== null) {
      const raw = this.str(ctxNode).value;
      context = /^[a-z]+:\/\/|^git@/.test(raw) ? raw : relPath(this.dirFor(ctxFile), raw || ".");
    } else if (ctxNode && !isNull(ctxNode)) this.wrong(ctxNode, `${what}.context`, "a string", ctxNode);
    const df = entryOf(n, "dockerfile")?.value;
    const dfName = df?.kind === "scalar" && df.value !== null ? this.str(df).value : "Dockerfile";
    const dockerfile = dfName.startsWith("/") ? dfName : relPath(context, dfName);
    const targetNode = entryOf(n, "target")?.value;
    const target = targetNode?.kind === "scalar" && targetNode.value !== null ? this.str(targetNode).value : void 0;
    const argsEntry = entryOf(n, "args");
    const argEntries = argsEntry && !isNull(argsEntry.value) ? this.envEntries(argsEntry, `${what}.args`) : [];
    const args = {};
    for (const a of argEntries) args[a.name] = a.value;
    return {
      file: e.file,
      line: e.line,
      context,
      dockerfile,
      ...target !== void 0 ? { target } : {},
      args,
      argEntries
    };
  }
  command(e, what) {
    const v = e.value;
    if (v.kind === "scalar") {
      const { value, raw } = this.str(v);
      return { file: e.file, line: e.line, raw, script: parseShell(value, v.block ? v.line + 1 : v.line) };
    }
    if (v.kind === "seq") {
      const argv = [];
      const raws = [];
      for (const item of v.items) {
        if (item.kind !== "scalar" || item.value === null) {
          this.wrong(item, `${what} item`, "a string", item);
          continue;
        }
        const { value, raw } = this.str(item);
        argv.push(value);
        raws.push(raw);
      }
      return { file: e.file, line: e.line, argv, raw: JSON.stringify(raws) };
    }
    this.wrong(e, what, "a string or a list", v);
    return void 0;
  }
  /** environment / build.args as a mapping or a `KEY=value` list. A bare `KEY` (or `KEY:` with no value) has no value. */
  envEntries(e, what) {
    if (e.value.kind === "seq") {
      for (const item of e.value.items) {
        if (item.kind !== "scalar" || item.value === null)
          this.wrong(item, `${what} item`, "a KEY=value string", item);
      }
    }
    const m = keyedAsMap(e.value);
    if (!m) {
      this.wrong(e, what, "a mapping or a list", e.value);
      return [];
    }
    const out = [];
    for (const x of m.entries) {
      if (x.value.kind !== "scalar") {
        this.wrong(x, `${what}.${x.key}`, "a string", x.value);
        continue;
      }
      if (x.value.value === null) {
        out.push({ file: x.file, line: x.line, name: x.key, interpolated: false });
        continue;
      }
      const { value, raw, interpolated } = this.str(x.value);
      out.push({ file: x.file, line: x.line, name: x.key, value, raw, interpolated });
    }
    return out;
  }
  envFiles(e, what) {
    const items = e.value.kind === "seq" ? e.value.items : [e.value];
    const out = [];
    for (const item of items) {
      const p = item.kind === "map" ? entryOf(item, "path")?.value : item;
      if (p?.kind !== "scalar" || p.value === null) {
        this.wrong(item, `${what} item`, "a path or {path}", item);
        continue;
      }
      const at = e.value.kind === "seq" ? item : e;
      out.push({ file: at.file, line: at.line, path: relPath(this.dirFor(p.file), this.str(p).value) });
    }
    return out;
  }
  /** Variables of readable env_files that `environment:` does not set (environment wins, as in compose). */
  addEnvFileEntries(s) {
    const named = new Set(s.environment.map((x) => x.name));
    for (const f of s.envFiles) {
      const text = this.texts[f.path];
      if (text === void 0) continue;
      for (const x of parseDotenv(text)) {
        if (named.has(x.name)) continue;
        named.add(x.name);
        const r = x.value === void 0 ? void 0 : interpolate2(x.value, this.env);
        s.environment.push({
          file: f.path,
          line: x.line,
          name: x.name,
          ...r ? { value: r.value, raw: x.value } : {},
          interpolated: r?.interpolated ?? false,
          source: "env_file"
        });
      }
    }
  }
  port(item, what) {
    if (item.kind === "map") {
      const t2 = entryOf(item, "target")?.value;
      const p = entryOf(item, "published")?.value;
      const ip = entryOf(item, "host_ip")?.value;
      const target = t2?.kind === "scalar" ? Number(this.str(t2).value) : NaN;
      return {
        file: item.file,
        line: item.line,
        raw: JSON.stringify(plain(item)),
        ...Number.isInteger(target) ? { target } : {},
        ...p?.kind === "scalar" && p.value !== null ? { published: this.str(p).value } : {},
        ...ip?.kind === "scalar" && ip.value !== null ? { hostIp: this.str(ip).value } : {}
      };
    }
    if (item.kind !== "scalar") {
      this.wrong(item, `${what} item`, "a port string or mapping", item);
      return void 0;
    }
    const { value, raw } = this.str(item);
    let rest = value.replace(/\/\w+$/, "");
    let hostIp;
    const v6 = /^\[([^\]]*)\]:(.*)$/.exec(rest);
    if (v6) {
      hostIp = v6[1];
      rest = v6[2];
    }
    const parts = rest.split(":");
    if (!v6 && parts.length === 3) hostIp = parts.shift();
    const containerPart = parts[parts.length - 1];
    const published = parts.length > 1 ? parts[0] : void 0;
    return {
      file: item.file,
      line: item.line,
      raw,
      .../^\d+$/.test(containerPart) ? { target: Number(containerPart) } : {},
      ...published !== void 0 ? { published } : {},
      ...hostIp !== void 0 ? { hostIp } : {}
    };
  }
  volume(item, what) {
    if (item.kind === "map") {
      const type = scalarString(entryOf(item, "type")?.value) ?? "volume";
      const srcNode = entryOf(item, "source")?.value;
      const tgtNode = entryOf(item, "target")?.value;
      const ro = entryOf(item, "read_only")?.value;
      if (tgtNode?.kind !== "scalar" || tgtNode.value === null) {
        this.wrong(item, `${what} item`, "a mapping with a target", item);
        return void 0;
      }
      if (type !== "bind" && type !== "volume" && type !== "tmpfs") return void 0;
      const src2 = srcNode?.kind === "scalar" && srcNode.value !== null ? this.str(srcNode).value : void 0;
      return {
        file: item.file,
        line: item.line,
        type,
        ...src2 ? { source: type === "bind" ? this.hostPath(srcNode.file, src2) : src2 } : {},
        target: this.str(tgtNode).value,
        readOnly: ro?.kind === "scalar" && (ro.value === true || ro.value === "true")
      };
    }
    if (item.kind !== "scalar") {
      this.wrong(item, `${what} item`, "a volume string or mapping", item);
      return void 0;
    }
    const { value, raw } = this.str(item);
    const parts = value.split(":");
    const at = { file: item.file, line: item.line };
    if (parts.length === 1) return { ...at, type: "volume", target: parts[0], readOnly: false };
    const [src, target, mode] = parts;
    const readOnly = (mode ?? "").split(",").includes("ro");
    const bind2 = /^[./~]/.test(src) || src === "" && raw.startsWith("$");
    if (bind2)
      return {
        ...at,
        type: "bind",
        ...src ? { source: this.hostPath(item.file, src) } : {},
        target,
        readOnly
      };
    return { ...at, type: "volume", ...src ? { source: src } : {}, target, readOnly };
  }
  hostPath(file, src) {
    return src.startsWith("/") || src.startsWith("~") ? src : relPath(this.dirFor(file), src);
  }
};
function relPath(dir, p) {
  if (p.startsWith("/")) return posix4.normalize(p);
  const joined = posix4.normalize(posix4.join(dir, p));
  return joined.length > 1 ? joined.replace(/\/$/, "") : joined;
}
function isNull(n) {
  return n === void 0 || n.kind === "scalar" && n.value === null;
}
function kindOf(n) {
  if (n.kind === "map") return "a mapping";
  if (n.kind === "seq") return "a list";
  return n.value === null ? "nothing" : `a ${typeof n.value}`;
}
function scalarString(n) {
  return n?.kind === "scalar" && n.value !== null ? String(n.value) : void 0;
}
function splitImage(ref) {
  let name2 = ref;
  let digest;
  const at = ref.indexOf("@");
  if (at >= 0) {
    name2 = ref.slice(0, at);
    digest = ref.slice(at + 1);
  }
  const colon = name2.lastIndexOf(":");
  let tag;
  if (colon > name2.lastIndexOf("/")) {
    tag = name2.slice(colon + 1);
    name2 = name2.slice(0, colon);
  }
  return {
    repository: name2,
    ...tag !== void 0 ? { tag } : {},
    ...digest !== void 0 ? { digest } : {}
  };
}
var ROLES = [
  [/^(postgres(ql)?|postgis|timescaledb(-ha)?|pgvector)$/, "postgres"],
  [/^mysql(-server)?$/, "mysql"],
  [/^mariadb$/, "mariadb"],
  [/^(redis(-stack(-server)?)?|valkey|keydb)$/, "redis"]
];
function roleOf(repository) {
  const last = repository.split("/").pop().toLowerCase();
  return ROLES.find(([re]) => re.test(last))?.[1] ?? "other";
}
var DJANGO_START = /manage\.py|gunicorn|uwsgi|daphne|uvicorn|django/i;
function pickAppService(services) {
  const mentions = (s, withContext) => [s.command?.raw, s.entrypoint?.raw, withContext ? s.build?.context : void 0].some(
    (t2) => t2 !== void 0 && DJANGO_START.test(t2)
  );
  const built = services.filter((s) => s.build);
  if (built.length > 0) return built.find((s) => mentions(s, true)) ?? built[0];
  return services.find((s) => mentions(s, false));
}

// src/rules/TF0205-service-image-unpinned.ts
var EXAMPLE_TAG = {
  postgres: "16",
  mysql: "8.4",
  mariadb: "11",
  redis: "7"
};
var serviceImageUnpinned = defineRule({
  id: "TF0205",
  name: "service-image-unpinned",
  factor: "II",
  severity: "warning",
  kind: "S",
  title: "A compose service image: has no tag or :latest (e.g. postgres, postgres:latest)",
  help: [
    "An image with no tag means `:latest`, which moves: the next `docker compose pull` (or a fresh machine) gets a",
    "different PostgreSQL or Redis than the one you tested with, possibly a new major version that cannot read the",
    "existing data directory. Pin the version you run, at least to the major (`postgres:16`), better to the minor,",
    "or to a digest for full reproducibility.",
    "",
    "```yaml",
    "services:",
    "  db:",
    "    image: postgres:16.4-alpine   # not `postgres` or `postgres:latest`",
    "  cache:",
    "    image: redis:7.4@sha256:\u2026",
    "```",
    "",
    "Services that `build:` are not judged here: their `image:` names the image they build. A tag taken from a",
    "variable (`app:${TAG}`) is left alone unless it resolves to `latest`."
  ].join("\n"),
  related: ["service-image-require-explicit-tag"],
  check(project) {
    const out = [];
    for (const app of project.apps) {
      for (const s of app.compose?.services ?? []) {
        const img = s.image;
        if (!img || s.build || !img.repository || img.digest) continue;
        const written = splitImage(img.raw ?? img.value);
        if (written.digest) continue;
        const fromVariable = (written.tag ?? written.repository.split("/").pop() ?? "").includes("$");
        if (fromVariable && img.tag !== "latest") continue;
        if (img.tag !== void 0 && img.tag !== "latest") continue;
        const what = img.tag === "latest" ? `'${img.repository}:latest'` : `'${img.repository}' with no tag`;
        out.push({
          file: img.file,
          line: img.line,
          message: `Service '${s.name}' uses image ${what}, which floats to whatever is newest at pull time: pin a version, e.g. '${img.repository}:${EXAMPLE_TAG[img.repository.split("/").pop() ?? ""] ?? "<version>"}' (or a digest).`
        });
      }
    }
    return out;
  }
});

// src/rules/TF0301-secret-key-in-code.ts
var secretKeyInCode = defineRule({
  id: "TF0301",
  name: "secret-key-in-code",
  factor: "III",
  severity: "error",
  kind: "S",
  title: "SECRET_KEY is a string literal; as warning when it is read from the environment but falls back to a literal",
  help: `Django signs sessions, password-reset links and CSRF tokens with \`SECRET_KEY\`. A key written in the settings
module is in every clone of the repository and every image built from it, so anyone who has read the code can forge
those signatures; and one key shared by all deploys means that rotating it needs a commit. A fallback literal
(\`os.environ.get('SECRET_KEY', 'dev-key')\`) is the same key in disguise: a deploy that forgets the variable runs
with the key from the repository instead of failing.

Read the key from the environment, without a fallback, and give each deploy its own:

\`\`\`python
# Before
SECRET_KEY = "django-insecure-\u2026"
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "dev-key")

# After: a missing variable stops the app at start
SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]
\`\`\`

For local development, put the variable in an untracked \`.env\` file or the compose \`environment:\` of the dev stack.
`,
  related: ["security.W009"],
  check(project) {
    const findings = [];
    for (const app of project.apps) {
      const settings = app.settings;
      if (!settings) continue;
      for (const a of liveAssignments(settings, "SECRET_KEY")) {
        if (a.inBranch && a.activeWhenUnset === void 0) continue;
        const v = a.value;
        if (isKey(v)) {
          const conditional = a.activeWhenUnset === false;
          findings.push({
            file: settings.file,
            line: a.line,
            ...conditional ? msg`SECRET_KEY is set to a literal value in code (in a branch that runs only when some environment variable is set); read it from the environment in every case: ${code('SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]')}.` : msg`SECRET_KEY is set to a literal value in code, so every copy of the repository can forge sessions and password-reset links; read it from the environment instead: ${code('SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]')}.`,
            ...conditional ? { severity: "warning" } : {}
          });
          continue;
        }
        const literalOption = v.kind === "env" ? isKey(valueWhenUnset(v)) : v.kind === "choice" && v.options.some((o) => isKey(o) || isKey(valueWhenUnset(o)));
        if (literalOption) {
          const variable = v.kind === "env" ? v.variable : "the environment";
          findings.push({
            file: settings.file,
            line: a.line,
            severity: "warning",
            ...msg`SECRET_KEY is read from ${variable} but falls back to a literal value when it is unset, so a deploy that forgets the variable runs with the key from the repository; drop the fallback: ${code(`SECRET_KEY = os.environ["${v.kind === "env" ? v.variable : "DJANGO_SECRET_KEY"}"]`)}.`
          });
        }
      }
    }
    return findings;
  }
});
function isKey(v) {
  return v?.kind === "literal" && typeof v.value === "string" && v.value.trim() !== "";
}

// src/rules/TF0302-debug-in-code.ts
var debugInCode = defineRule({
  id: "TF0302",
  name: "debug-in-code",
  factor: "III",
  severity: "warning",
  kind: "S",
  title: "DEBUG = True literally, or DEBUG read from the environment with a default that makes it true, or set true for every container by the image's ENV (or the production compose file) for the variable the settings read",
  help: `With \`DEBUG\` on, any error page shows the settings, the environment, the SQL and the stack with local
variables to whoever triggered it, and Django keeps every query in memory. When the code says \`DEBUG = True\`, or
reads a variable whose default turns debugging on, a production deploy is in debug mode unless someone remembers to
switch it off. The same holds when the Dockerfile sets the variable (\`ENV DJANGO_DEBUG=True\`): every container of
the image starts in debug mode.

Make debug an opt-in that the environment turns on for development only. Beware of string defaults: any non-empty
string is true in Python, so \`os.environ.get("DEBUG", "False")\` is true.

\`\`\`python
# Before
DEBUG = True
DEBUG = os.environ.get("DJANGO_DEBUG", "True") == "True"

# After: off unless the environment says otherwise
DEBUG = os.environ.get("DJANGO_DEBUG", "") == "1"
\`\`\`
`,
  related: ["security.W018"],
  check(project) {
    const findings = [];
    for (const app of project.apps) {
      const settings = app.settings;
      if (!settings) continue;
      for (const a of liveAssignments(settings, "DEBUG")) {
        if (a.activeWhenUnset === false || a.inBranch && a.activeWhenUnset === void 0) continue;
        const v = a.value;
        if (v.kind === "literal" && truthy2(v) === true) {
          findings.push({
            file: settings.file,
            line: a.line,
            ...isFalseWord(v) ? msg`DEBUG is set to a non-empty string, which Python treats as true even when it reads "False"; use a boolean and take it from the environment: ${code('DEBUG = os.environ.get("DJANGO_DEBUG", "") == "1"')}.` : msg`DEBUG is set to a true value in code, so every deploy of this image shows debug pages with settings and stack traces; read it from the environment with a false default: ${code('DEBUG = os.environ.get("DJANGO_DEBUG", "") == "1"')}.`
          });
          continue;
        }
        if (v.kind !== "env") continue;
        const unset = valueWhenUnset(v);
        if (truthy2(unset) !== true) {
          const given = providedValue(app, v.variable);
          if (given && truthWhenSetTo(v, given.value) === true)
            findings.push({
              file: settings.file,
              line: a.line,
              message: `DEBUG is read from ${v.variable}, which ${given.where} sets to '${given.value}': every container of this image runs in debug mode. Remove ${v.variable} from there and set it only in development.`
            });
          continue;
        }
        const falseWord = isFalseWord(unset);
        findings.push({
          file: settings.file,
          line: a.line,
          ...falseWord ? msg`DEBUG is read from ${v.variable} and falls back to a non-empty string, which Python treats as true (so is any value the variable is set to); compare it instead: ${code(`DEBUG = os.environ.get("${v.variable}", "") == "1"`)}.` : msg`DEBUG is read from ${v.variable} but defaults to a true value, so a deploy that does not set the variable runs in debug mode; make the default false: ${code(`DEBUG = os.environ.get("${v.variable}", "") == "1"`)}.`
        });
      }
    }
    return findings;
  }
});
function providedValue(app, variable) {
  const entry = app.compose?.appService?.environment.find((e) => e.name === variable);
  if (entry) {
    if (entry.source !== "environment" || entry.interpolated || entry.value === void 0) return void 0;
    if (isDevelopmentComposeFile(entry.file)) return void 0;
    return { value: entry.value, where: `${entry.file} (line ${entry.line})` };
  }
  const df = app.dockerfile;
  const value = df?.targetStage?.env[variable];
  return df && value !== void 0 ? { value, where: `the ENV of ${df.file}` } : void 0;
}
function truthWhenSetTo(v, text) {
  if (v.whenSet) return text !== "" || Boolean(v.prefix || v.suffix);
  return v.truthWhenSetTo?.[text];
}
function truthy2(v) {
  if (!v) return false;
  switch (v.kind) {
    case "literal":
      return typeof v.value === "string" ? v.value !== "" : Boolean(v.value);
    case "list":
      return v.items.length > 0;
    case "dict":
      return v.entries.length > 0;
    case "path":
      return true;
    default:
      return void 0;
  }
}
function isFalseWord(v) {
  return v?.kind === "literal" && typeof v.value === "string" && ["false", "0", "no", "off", "n", "f"].includes(v.value.trim().toLowerCase());
}

// src/rules/TF0303-allowed-hosts-wildcard.ts
var allowedHostsWildcard = defineRule({
  id: "TF0303",
  name: "allowed-hosts-wildcard",
  factor: "III",
  severity: "notice",
  kind: "S",
  title: "ALLOWED_HOSTS is literally ['*'] (not from the environment)",
  help: `\`ALLOWED_HOSTS\` is Django's defence against Host-header attacks (poisoned password-reset links, cache
poisoning). \`['*']\` in code turns it off for every deploy, and the host names a deploy answers to are configuration
that differs per deploy: they belong in the environment.

\`\`\`python
# Before
ALLOWED_HOSTS = ["*"]

# After
ALLOWED_HOSTS = [h for h in os.environ.get("DJANGO_ALLOWED_HOSTS", "localhost").split(",") if h]
\`\`\`

Behind a proxy that already checks the host, a deploy may still set \`DJANGO_ALLOWED_HOSTS=*\` on purpose.
`,
  related: [],
  check(project) {
    const findings = [];
    for (const app of project.apps) {
      const settings = app.settings;
      if (!settings) continue;
      for (const a of liveAssignments(settings, "ALLOWED_HOSTS")) {
        if (a.activeWhenUnset === false || a.inBranch && a.activeWhenUnset === void 0) continue;
        if (a.value.kind !== "list") continue;
        if (!a.value.items.some((i) => i.kind === "literal" && i.value === "*")) continue;
        findings.push({
          file: settings.file,
          line: a.line,
          ...msg`ALLOWED_HOSTS contains '*' in code, which accepts any Host header in every deploy; read the host names from the environment: ${code('ALLOWED_HOSTS = os.environ.get("DJANGO_ALLOWED_HOSTS", "localhost").split(",")')}.`
        });
      }
    }
    return findings;
  }
});

// src/rules/TF0304-database-credentials-in-code.ts
var KEYS = ["USER", "PASSWORD", "HOST"];
var SUGGESTED = {
  USER: "DB_USER",
  PASSWORD: "DB_PASSWORD",
  HOST: "DB_HOST"
};
var databaseCredentialsInCode = defineRule({
  id: "TF0304",
  name: "database-credentials-in-code",
  factor: "III",
  severity: "error",
  kind: "S",
  title: "A DATABASES entry for a server engine has a literal PASSWORD, USER or HOST not read from the environment; as notice when read from the environment with a literal fallback password (the pattern os.environ.get('DB_PASSWORD', 'django'))",
  help: `Where the database is and who may log in to it differ for every deploy (a laptop, CI, staging, production),
and the password is a secret. Written in \`DATABASES\`, they are in every clone of the repository, and pointing the
same image at another database needs a new commit and a new image. A fallback password
(\`os.environ.get("DB_PASSWORD", "django")\`) is only a notice: the environment can override it, but a deploy that
forgets the variable silently uses the password from the repository.

\`\`\`python
# Before
DATABASES = {"default": {
    "ENGINE": "django.db.backends.postgresql",
    "NAME": "shop", "USER": "shop", "PASSWORD": "s3cret", "HOST": "db",
}}

# After
DATABASES = {"default": {
    "ENGINE": "django.db.backends.postgresql",
    "NAME": os.environ["DB_NAME"],
    "USER": os.environ["DB_USER"],
    "PASSWORD": os.environ["DB_PASSWORD"],
    "HOST": os.environ["DB_HOST"],
    "PORT": os.environ.get("DB_PORT", "5432"),
}}
\`\`\`

An empty \`PASSWORD\` or \`HOST\` (\`''\`, Django's "use the default") is not reported. SQLite configurations have no
credentials and are not judged.
`,
  related: [],
  check(project) {
    const findings = [];
    for (const app of project.apps) {
      const settings = app.settings;
      const databases = settings?.databases;
      if (!settings || !databases) continue;
      const seen = /* @__PURE__ */ new Set();
      for (const config2 of databases.configs) {
        if (!mayBeServer(config2)) continue;
        const engine = config2.engine ? ` (${config2.engine})` : "";
        for (const key of KEYS) {
          const v = config2.fields[key];
          if (!v) continue;
          const line = config2.fieldLines?.[key] ?? v.line;
          const id2 = `${key}\0${line}`;
          if (seen.has(id2)) continue;
          if (isCredential(v)) {
            seen.add(id2);
            findings.push({
              file: settings.file,
              line,
              ...msg`DATABASES 'default'${engine} has ${key} as a literal value in code; read it from the environment so each deploy sets its own: ${code(`"${key}": os.environ["${SUGGESTED[key]}"]`)}.`
            });
          } else if (key === "PASSWORD" && v.kind === "env" && isCredential(valueWhenUnset(v))) {
            seen.add(id2);
            findings.push({
              file: settings.file,
              line,
              severity: "notice",
              message: `DATABASES 'default'${engine} reads PASSWORD from ${v.variable} but falls back to a literal password when it is unset; drop the fallback so a deploy without the variable fails instead of using the password from the repository.`
            });
          }
        }
      }
    }
    return findings;
  }
});
function mayBeServer(config2) {
  if (config2.engine && isServerEngine(config2.engine)) return true;
  return config2.fields.ENGINE?.kind === "env";
}
function isCredential(v) {
  if (v?.kind !== "literal") return false;
  if (typeof v.value === "string") return v.value.trim() !== "";
  return typeof v.value === "number";
}

// src/rules/TF0305-database-not-configurable.ts
var databaseNotConfigurable = defineRule({
  id: "TF0305",
  name: "database-not-configurable",
  factor: "III",
  severity: "error",
  kind: "S",
  title: "DATABASES['default'] cannot be changed without editing code: no environment variable selects the engine (DB_ENGINE switch, DATABASE_URL via dj-database-url or django-environ, or equivalent)",
  help: `The same image should run against SQLite on a laptop and PostgreSQL in production, with only the environment
changing. When \`DATABASES['default']\` names its engine in code, every other database needs an edited settings file,
and the build that is tested is not the build that is deployed.

Let the environment choose, with a URL:

\`\`\`python
import dj_database_url

DATABASES = {"default": dj_database_url.config(conn_max_age=600)}  # DATABASE_URL=postgres://\u2026
\`\`\`

or with a switch:

\`\`\`python
DATABASES_AVAILABLE = {
    "sqlite": {"ENGINE": "django.db.backends.sqlite3", "NAME": os.environ.get("SQLITE_PATH", "/data/db.sqlite3")},
    "postgres": {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": os.environ.get("POSTGRES_DB"),
        "USER": os.environ.get("POSTGRES_USER"),
        "PASSWORD": os.environ.get("POSTGRES_PASSWORD"),
        "HOST": os.environ.get("POSTGRES_HOST"),
    },
}
DATABASES = {"default": DATABASES_AVAILABLE[os.environ["DB_ENGINE"]]}
\`\`\`
`,
  related: [],
  check(project) {
    const findings = [];
    for (const app of project.apps) {
      const settings = app.settings;
      const databases = settings?.databases;
      if (!settings || !databases || databases.selection.kind !== "fixed") continue;
      const engines = [...new Set(databases.configs.map((c) => c.engine).filter((e) => e !== void 0))];
      const engine = engines.length === 1 ? engines[0] : `${engines.join(" or ")} (chosen by something other than an environment variable)`;
      findings.push({
        file: settings.file,
        line: databases.line,
        ...msg`DATABASES['default'] is fixed to ${engine} in code: no environment variable selects the database, so another database needs an edited settings file. Select it from the environment, e.g. ${code('DATABASES = {"default": dj_database_url.config()}')} with DATABASE_URL, or a DB_ENGINE switch.`
      });
    }
    return findings;
  }
});

// src/rules/TF0306-secret-in-dockerfile.ts
var secretInDockerfile = defineRule({
  id: "TF0306",
  name: "secret-in-dockerfile",
  factor: "III",
  severity: "error",
  kind: "S",
  title: "ENV with a secret-looking name (*PASSWORD*, *PASSWD*, *_PASS, *_PWD, *SECRET*, *TOKEN*, *_KEY, *API_KEY*, *PRIVATE*; the same list for every secret rule) and a literal value; ARG of such a name as warning",
  help: `An \`ENV\` value is stored in the image configuration: anyone who can pull the image reads it with
\`docker inspect\`, and every deploy shares the same secret. Build arguments are recorded in the image history
(\`docker history\`), so a secret passed as \`ARG\` leaks the same way.

Give secrets to the running container (environment from the platform, compose \`env_file\`/\`secrets:\`), and use
BuildKit secret mounts when the build itself needs one. Names ending in \`_FILE\`, \`_PATH\`, \`_DIR\`, \`_URL\` or
\`_ID\` are not treated as secrets, and an empty value or one taken from a variable is not a literal.

\`\`\`dockerfile
# instead of: ENV DJANGO_SECRET_KEY=django-insecure-...
# give it to the container when it runs:  docker run -e DJANGO_SECRET_KEY=... image
# and mount a secret when the build itself needs one:
RUN --mount=type=secret,id=pip_conf,target=/etc/pip.conf pip install -r requirements.txt
\`\`\``,
  related: ["SecretsUsedInArgOrEnv"],
  check(project) {
    const findings = [];
    for (const app of project.apps) {
      const df = app.dockerfile;
      if (!df?.targetStage) continue;
      for (const arg of [...df.globalArgs, ...lineage(df).flatMap((s) => s.instructions)]) {
        if (arg.keyword === "ARG" && isSecretName(arg.name)) {
          const name2 = arg.name;
          findings.push({
            file: df.file,
            line: arg.line,
            severity: "warning",
            message: `ARG ${name2} looks like a secret: build arguments are kept in the image history. Pass it to the running container instead, or use a BuildKit secret mount (RUN --mount=type=secret,id=${name2.toLowerCase()}).`
          });
        }
        if (arg.keyword !== "ENV") continue;
        for (const pair2 of arg.pairs) {
          if (!isSecretName(pair2.name) || !isLiteral(pair2.raw)) continue;
          findings.push({
            file: df.file,
            line: pair2.line,
            message: `ENV ${pair2.name} is set to a literal value, which is baked into the image for anyone who pulls it. Remove it from the Dockerfile and provide ${pair2.name} from the environment at run time.`
          });
        }
      }
    }
    return findings;
  }
});
function lineage(df) {
  const out = [];
  for (let s = df.targetStage; s && !out.includes(s); ) {
    out.unshift(s);
    s = s.from.stageRef !== void 0 ? df.stages[s.from.stageRef] : void 0;
  }
  return out;
}
function isLiteral(raw) {
  const unquoted = raw.replace(/^(["'])(.*)\1$/s, "$2");
  return unquoted.trim() !== "" && !/\$[{A-Za-z_]/.test(raw.startsWith("'") ? "" : raw);
}

// src/rules/TF0307-secret-in-compose.ts
var TUNES_A_SECRET = /ALLOW_EMPTY|RANDOM_ROOT|LIFETIME|EXPIR|TTL|TIMEOUT|LENGTH|_(URI|ENDPOINT|METHOD)$/;
function isSecretName2(name2) {
  return isSecretName(name2) && !TUNES_A_SECRET.test(name2.toUpperCase());
}
var secretInCompose = defineRule({
  id: "TF0307",
  name: "secret-in-compose",
  factor: "III",
  severity: "warning",
  kind: "S",
  title: "A compose environment: or build.args entry with a secret-looking name has a literal value instead of ${VAR} interpolation, env_file or secrets:",
  help: [
    "A password, token or key written in the compose file is committed with the code: everyone with read access to",
    "the repository has it, it stays in the git history, and every environment shares the same value. Config that",
    "varies between deploys, secrets first, belongs in the environment.",
    "",
    "Take the value from the environment (or an untracked `.env`) through interpolation, an `env_file`, or Docker",
    "secrets:",
    "",
    "```yaml",
    "services:",
    "  web:",
    "    environment:",
    "      DJANGO_SECRET_KEY: ${DJANGO_SECRET_KEY:?set it in .env}",
    "  db:",
    "    image: postgres:16",
    "    environment:",
    "      POSTGRES_PASSWORD_FILE: /run/secrets/db_password",
    "    secrets: [db_password]",
    "secrets:",
    "  db_password:",
    "    environment: DB_PASSWORD",
    "```",
    "",
    "Empty values and bare names (`- DB_PASSWORD`, which passes the variable through) are not literals."
  ].join("\n"),
  related: [],
  check(project) {
    const out = [];
    for (const app of project.apps) {
      for (const s of app.compose?.services ?? []) {
        const entries = [
          ...s.environment.filter((e) => e.source === "environment").map((e) => ({ ...e, where: "environment" })),
          ...(s.build?.argEntries ?? []).map((e) => ({ ...e, where: "build.args" }))
        ];
        for (const e of entries) {
          if (!isSecretName2(e.name) || e.interpolated || e.value === void 0 || e.value === "") continue;
          out.push({
            file: e.file,
            line: e.line,
            message: `Service '${s.name}' sets ${e.name} to a literal value in ${e.where}: take it from the environment with \${${e.name}} (set in an untracked .env), an env_file, or Docker secrets.`
          });
        }
      }
    }
    return out;
  }
});

// src/rules/TF0308-env-file-in-image.ts
import { posix as posix5 } from "node:path";
var envFileInImage = defineRule({
  id: "TF0308",
  name: "env-file-in-image",
  factor: "III",
  severity: "error",
  kind: "S",
  title: "A .env-style file (.env, *.env, .env.*) that exists in the context reaches the image (explicit COPY, or COPY . not excluded by .dockerignore); also a compose env_file inside the app's build context that COPY . would take and .dockerignore does not exclude, even when the repository does not hold the file",
  help: `Config belongs in the environment of each deploy, not in the artefact. A \`.env\` file copied into the image ships
its secrets to everyone who can pull the image, and the same image then carries one environment's config into every
other one. An \`env_file\` that compose reads from inside the build context is the same risk even when it is not
committed: the developer who builds the image has the real one, and \`COPY . .\` bakes it in. Keep \`.env\` files out of the build context and pass the values at run time (\`docker run --env-file\`,
compose \`env_file:\`, or your platform's secrets).

\`\`\`
# .dockerignore
.env
.env.*
!.env.example
\`\`\`
`,
  related: [],
  check(project) {
    const copied = filesCopiedIntoImage(
      project,
      isEnvFile,
      (names, files) => `This instruction copies ${names} into the image, so its secrets ship with the image. Add ${files.length > 1 ? "them" : "it"} to .dockerignore (e.g. '.env' and '.env.*') and pass the values as environment variables at run time.`
    );
    return [...copied, ...project.apps.flatMap(envFilesOfCompose)];
  }
});
function envFilesOfCompose(app) {
  const file = app.dockerfile?.file;
  const dir = app.context?.dir;
  if (!file || dir === void 0) return [];
  const out = [];
  for (const f of app.compose?.appService?.envFiles ?? []) {
    const inContext = dir === "." ? f.path : posix5.relative(dir, f.path);
    if (inContext.startsWith("..") || posix5.isAbsolute(inContext) || !isUsableEnvFileName(inContext))
      continue;
    const line = absentFileReachingImage(app, inContext);
    if (line === void 0) continue;
    out.push({
      file,
      line,
      message: `Compose reads env_file '${f.path}' from inside the build context, and .dockerignore does not exclude it: the repository does not hold it, but whoever builds the image with a real one bakes its secrets in here. Add '${inContext}' to .dockerignore.`
    });
  }
  return out;
}
function isUsableEnvFileName(path) {
  return !/(example|sample|template)/i.test(path.slice(path.lastIndexOf("/") + 1));
}

// src/rules/TF0309-config-not-honoured.ts
var configNotHonoured = defineRule({
  id: "TF0309",
  name: "config-not-honoured",
  factor: "III",
  severity: "error",
  kind: "D",
  title: "With DB_ENGINE=postgres the migrations do not land in the attached PostgreSQL (the app kept another database), or with DB_ENGINE=sqlite the app still needs the server",
  help: `The smoke test starts the image with \`DB_ENGINE=postgres\` and a fresh PostgreSQL attached only through environment variables, then looks for \`django_migrations\` in that PostgreSQL. When the tables are not there, the app migrated some other database (usually an SQLite file baked into the settings): configuration in the environment is not honoured, so the same image cannot be deployed against a real database. The same rule fires when the app still needs a database server with \`DB_ENGINE=sqlite\`.

Build \`DATABASES\` from the environment, and let nothing else decide:

\`\`\`python
if os.environ.get('DB_ENGINE', 'sqlite') == 'postgres':
    DATABASES = {'default': {
        'ENGINE': 'django.db.backends.postgresql',
        'HOST': os.environ['DB_HOST'], 'PORT': os.environ.get('DB_PORT', '5432'),
        'NAME': os.environ['DB_NAME'], 'USER': os.environ['DB_USER'],
        'PASSWORD': os.environ['DB_PASSWORD'],
    }}
else:
    DATABASES = {'default': {'ENGINE': 'django.db.backends.sqlite3',
                             'NAME': os.environ.get('SQLITE_PATH', '/data/db.sqlite3')}}
\`\`\``,
  related: [],
  check() {
    return [];
  }
});

// src/rules/TF0310-config-var-mismatch.ts
var configVarMismatch = defineRule({
  id: "TF0310",
  name: "config-var-mismatch",
  factor: "III",
  severity: "warning",
  kind: "S",
  title: "Settings require an environment variable (os.environ['X'], or os.environ.get('X') with no default used for a required value) that neither the Dockerfile nor the compose service of the app provides, while a similarly named one is provided (DB_PASS vs DB_PASSWORD)",
  help: `The settings read one name and the deployment sets another: \`os.environ["DB_PASS"]\` in settings.py,
\`DB_PASSWORD\` in docker-compose.yml. The container then fails at start with a \`KeyError\`, or, with
\`os.environ.get()\`, runs with \`None\` where a password or database name belongs and fails at the first query.
Neither file looks wrong on its own, which is why this survives review.

Use one name on both sides:

\`\`\`yaml
# docker-compose.yml
services:
  web:
    environment:
      DB_PASSWORD: \${DB_PASSWORD}
\`\`\`

\`\`\`python
# settings.py
DATABASES["default"]["PASSWORD"] = os.environ["DB_PASSWORD"]
\`\`\`

The rule only reports a variable when a similarly named one is provided, and stays silent when the settings load a
\`.env\` file that reaches the image or the compose service reads an env_file that is not in the repository.
`,
  related: [],
  check(project) {
    const findings = [];
    for (const app of project.apps) {
      const settings = app.settings;
      if (!settings || !app.dockerfile?.targetStage && !app.compose?.appService) continue;
      if (loadsDotenvInImage(app)) continue;
      const provided = providedEnvironment(app);
      if (!provided.complete) continue;
      const read = new Set(settings.envReads.map((r) => r.variable));
      const candidates = [...provided.values.keys()].filter((name2) => !read.has(name2));
      const reported = /* @__PURE__ */ new Set();
      for (const r of settings.envReads) {
        if (!r.required || provided.values.has(r.variable) || reported.has(`${r.variable}\0${r.line}`))
          continue;
        const similar = candidates.filter((c) => similarNames(r.variable, c));
        if (similar.length === 0) continue;
        reported.add(`${r.variable}\0${r.line}`);
        const names = similar.join(", ");
        findings.push({
          file: settings.file,
          line: r.line,
          message: `The settings require ${r.variable}, which neither ${provided.sources.join(" nor ")} provides; ${similar.length > 1 ? "they provide" : "it provides"} ${names} instead. Use the same name on both sides (rename ${r.variable} in the settings, or set ${r.variable} in the environment).`
        });
      }
    }
    return findings;
  }
});
function loadsDotenvInImage(app) {
  if (!app.settings?.dotenvLoads?.length) return false;
  const sent = app.context?.sentFiles;
  if (!sent) return true;
  return sent.some((f) => {
    const base = f.slice(f.lastIndexOf("/") + 1);
    return base.startsWith(".env") || base.endsWith(".env") || base === "settings.ini";
  });
}
var SYNONYMS = {
  PASS: "PASSWORD",
  PASSWD: "PASSWORD",
  PWD: "PASSWORD",
  PW: "PASSWORD",
  USERNAME: "USER",
  USR: "USER",
  DATABASE: "DB",
  POSTGRES: "DB",
  POSTGRESQL: "DB",
  PG: "DB",
  PGSQL: "DB",
  PSQL: "DB",
  MYSQL: "DB",
  MARIADB: "DB",
  HOSTNAME: "HOST",
  SERVER: "HOST",
  ADDR: "HOST",
  ADDRESS: "HOST"
};
var VOCABULARY = /* @__PURE__ */ new Set([
  "DB",
  "USER",
  "PASSWORD",
  "HOST",
  "PORT",
  "NAME",
  "KEY",
  "SECRET",
  "TOKEN",
  "URL",
  "DEBUG",
  "ENGINE",
  "PATH",
  "DIR",
  "ROOT",
  "FILE",
  "LEVEL",
  "EMAIL",
  "CACHE",
  "REDIS",
  "BROKER",
  "TIMEOUT",
  "ID",
  "SSL",
  "MODE",
  "ENV",
  "ALLOWED",
  "HOSTS",
  "ORIGINS",
  "TEST"
]);
function tokens(name2) {
  const words = name2.toUpperCase().split("_").filter((w) => w !== "").map((w) => SYNONYMS[w] ?? w);
  return words.length > 1 && (words[0] === "DJANGO" || words[0] === "APP") ? words.slice(1) : words;
}
function similarNames(a, b) {
  if (a === b) return false;
  const ta = tokens(a);
  const tb = tokens(b);
  if (ta.join("_") === tb.join("_")) return true;
  const na = a.toUpperCase().replaceAll("_", "");
  const nb = b.toUpperCase().replaceAll("_", "");
  if (Math.min(na.length, nb.length) < 6 || editDistance(na, nb) > 2) return false;
  if (ta.length === tb.length) {
    for (let i = 0; i < ta.length; i++)
      if (ta[i] !== tb[i] && VOCABULARY.has(ta[i]) && VOCABULARY.has(tb[i])) return false;
  }
  return true;
}
function editDistance(a, b) {
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++)
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length];
}

// src/model/credentials.ts
var ADMIN_COMMANDS = /* @__PURE__ */ new Set([
  "createsuperuser",
  "initadmin",
  "changepassword",
  "create_superuser",
  "createadmin"
]);
var PASSWORD_OPTIONS = /^--?(password|pass|passwd|pwd)(=|$)/;
var PYTHON_PASSWORD = [
  /create_superuser\s*\(\s*(?:[^,()]*,\s*){2}(?:password\s*=\s*)?(['"])[^'"]+\1/,
  /create_(?:super)?user\s*\([^()]*password\s*=\s*(['"])[^'"]+\1/,
  /set_password\s*\(\s*(['"])[^'"]+\1/
];
function literalCredentials(script) {
  const out = [];
  for (const a of script.assignments ?? []) {
    if (!a.literal || a.value === "" || !isSecretName(a.name)) continue;
    out.push({ line: a.line, what: `${a.name}=\u2026` });
  }
  for (const c of script.commands) {
    const found = adminPassword(c) ?? pythonPassword(c);
    if (found) out.push({ line: c.line, what: found });
  }
  return out;
}
function adminPassword(c) {
  const dj = djangoCommand(c.argv);
  if (!dj || !ADMIN_COMMANDS.has(dj.name)) return void 0;
  for (let i = 0; i < dj.args.length; i++) {
    const m = PASSWORD_OPTIONS.exec(dj.args[i]);
    if (!m) continue;
    const value = m[2] === "=" ? dj.args[i].slice(dj.args[i].indexOf("=") + 1) : dj.args[i + 1];
    if (value && !value.startsWith("-") && !value.includes("$")) return `${dj.name} ${m[0].replace("=", "")}`;
  }
  return void 0;
}
function pythonPassword(c) {
  const codes = [];
  const dj = djangoCommand(c.argv);
  if (dj?.name === "shell") {
    if (c.stdin) codes.push(c.stdin);
    const i = dj.args.findIndex((a2) => a2 === "-c" || a2 === "--command");
    if (i >= 0 && dj.args[i + 1]) codes.push(dj.args[i + 1]);
  }
  const a = programArgv(c.argv);
  if (/^python/.test(a[0] ?? "") && a[1] === "-c" && a[2]) codes.push(a[2]);
  for (const code2 of codes) {
    if (PYTHON_PASSWORD.some((re) => re.test(code2)))
      return /set_password/.test(code2) ? "set_password(\u2026)" : "create_superuser(\u2026)";
  }
  return void 0;
}

// src/rules/TF0311-secret-in-script.ts
var secretInScript = defineRule({
  id: "TF0311",
  name: "secret-in-script",
  factor: "III",
  severity: "error",
  kind: "S",
  title: "An entrypoint or start script (any shell script the image's or compose's start command runs, followed through the chain) carries a literal credential: createsuperuser/initadmin/changepassword with a password argument, DJANGO_SUPERUSER_PASSWORD=literal, export *PASSWORD*=literal",
  help: `A start script is part of the repository and of the image: a password written in it is readable by anyone
with either, is the same on every deploy, and is the password of an administrator account that exists on every
start. Create the superuser from the environment (Django's \`createsuperuser --noinput\` reads
\`DJANGO_SUPERUSER_USERNAME\`, \`DJANGO_SUPERUSER_EMAIL\` and \`DJANGO_SUPERUSER_PASSWORD\`), set by each deploy, or
once by hand as a one-off task.

\`\`\`sh
# instead of: export DJANGO_SUPERUSER_PASSWORD=admin
#             echo "User.objects.create_superuser('admin', 'a@example.com', 'admin')" | python manage.py shell
# the deploy sets DJANGO_SUPERUSER_PASSWORD; the script only reads it
python manage.py createsuperuser --noinput || true
\`\`\`

Values taken from a variable (\`$ADMIN_PASSWORD\`, \`$(cat /run/secrets/admin)\`) are not literals and are not reported.
`,
  related: [],
  check(project) {
    const findings = [];
    const seen = /* @__PURE__ */ new Set();
    for (const app of project.apps) {
      for (const s of app.entrypointScripts) {
        for (const c of literalCredentials(s.script)) {
          const key = `${s.file}:${c.line}:${c.what}`;
          if (seen.has(key)) continue;
          seen.add(key);
          findings.push({
            file: s.file,
            line: c.line,
            message: `The start script writes a credential literally (${c.what}): it ships in the repository and the image and is the same on every deploy. Read it from an environment variable the deploy sets (e.g. DJANGO_SUPERUSER_PASSWORD with createsuperuser --noinput).`
          });
        }
      }
    }
    return findings;
  }
});

// src/rules/TF0312-debug-env-not-boolean.ts
var BOOLEAN_SETTINGS = ["DEBUG", "SESSION_COOKIE_SECURE", "CSRF_COOKIE_SECURE", "SECURE_SSL_REDIRECT"];
var debugEnvNotBoolean = defineRule({
  id: "TF0312",
  name: "debug-env-not-boolean",
  factor: "III",
  severity: "warning",
  kind: "S",
  title: "DEBUG (or another boolean setting: SESSION_COOKIE_SECURE, CSRF_COOKIE_SECURE, SECURE_SSL_REDIRECT) is taken from the environment as a raw string (os.environ.get('DEBUG', False), bool(os.environ.get(...))), so DEBUG=False or 0 is truthy",
  help: `An environment variable is always a string, and every non-empty string is true in Python: with
\`DEBUG = os.environ.get("DEBUG", False)\` (or \`bool(os.environ.get("DEBUG"))\`), a deploy that sets \`DEBUG=False\`
or \`DEBUG=0\` to switch debugging off turns it on. The same holds for the security switches
\`SESSION_COOKIE_SECURE\`, \`CSRF_COOKIE_SECURE\` and \`SECURE_SSL_REDIRECT\`, which then cannot be turned off.

Compare the text, or use a reader that casts it:

\`\`\`python
# Before
DEBUG = os.environ.get("DEBUG", False)

# After
DEBUG = os.environ.get("DEBUG", "") == "1"
DEBUG = env.bool("DEBUG", default=False)          # django-environ
DEBUG = config("DEBUG", default=False, cast=bool)  # python-decouple
\`\`\`
`,
  related: [],
  check(project) {
    const findings = [];
    for (const app of project.apps) {
      const settings = app.settings;
      if (!settings) continue;
      for (const name2 of BOOLEAN_SETTINGS) {
        for (const a of liveAssignments(settings, name2)) {
          const v = a.value;
          if (v.kind !== "env" || !v.whenSet) continue;
          const unset = valueWhenUnset(v);
          if (name2 === "DEBUG" && unset?.kind === "literal" && Boolean(unset.value)) continue;
          const how = v.whenSet === "text" ? "as a raw string" : "through bool() of its text";
          findings.push({
            file: settings.file,
            line: a.line,
            message: `${name2} is taken from ${v.variable} ${how}, so any non-empty value, 'False' and '0' included, makes it True. Compare the text instead: ${name2} = os.environ.get("${v.variable}", "") == "1".`
          });
        }
      }
    }
    return findings;
  }
});

// src/rules/TF0313-config-provided-not-read.ts
var DATABASE_PART = /^(DB|DATABASE|POSTGRES|POSTGRESQL|PG|MYSQL|SQL)_?(HOST|NAME|DB|DATABASE|USER|USERNAME|PASSWORD|PASS|PORT|ENGINE)$/;
var DATABASE_URL = /^([A-Z]+_)?DATABASE_URL$/;
var configProvidedNotRead = defineRule({
  id: "TF0313",
  name: "config-provided-not-read",
  factor: "III",
  severity: "warning",
  kind: "S",
  title: "The app's compose service (or the image's ENV) provides configuration the settings never read, while a variable the settings do read for the same purpose is left unset, so the app silently runs on its fallback (e.g. DB_* provided, DATABASE_URL read, SQLite fallback)",
  help: `The deployment and the settings describe the database in two different ways: compose sets \`DB_HOST\`,
\`DB_NAME\`, \`DB_USER\`\u2026 while the settings build \`DATABASES\` from \`DATABASE_URL\` (or the other way round). Nothing
fails: the settings do not find their variable, fall back to their default (often SQLite inside the container), and
the PostgreSQL service next to the app is never used. Data then lives in the container and is lost with it.

Provide the variable the settings read:

\`\`\`yaml
services:
  web:
    environment:
      DATABASE_URL: postgres://app:\${DB_PASSWORD}@db:5432/app
\`\`\`

The rule stays silent when the settings load a \`.env\` file at run time or an \`env_file\` could not be read, since the
variable may come from there.
`,
  related: [],
  check(project) {
    const findings = [];
    for (const app of project.apps) {
      const finding = databaseProvidedNotRead(app);
      if (finding) findings.push(finding);
    }
    return findings;
  }
});
function databaseProvidedNotRead(app) {
  if (!app.settings || !app.dockerfile?.targetStage && !app.compose?.appService) return void 0;
  const settings = withBases(app.settings, app.settingsBases);
  const db = settings.databases;
  if (!db || settings.dotenvLoads?.length) return void 0;
  if (db.selection.kind !== "url" && db.selection.kind !== "env") return void 0;
  const fallback = db.configs.find((c) => c.isDefault);
  if (!fallback) return void 0;
  const provided = providedEnvironment(app);
  const selector = db.selection.variable;
  if (!provided.complete || provided.values.has(selector)) return void 0;
  const read = new Set(settings.envReads.map((r) => r.variable));
  const otherWay = db.selection.kind === "url" ? DATABASE_PART : DATABASE_URL;
  const unread = [...provided.values.keys()].filter((n) => otherWay.test(n.toUpperCase()) && !read.has(n));
  if (unread.length === 0) return void 0;
  const owner = [app.settings, ...app.settingsBases ?? []].find((m) => m.databases === db) ?? app.settings;
  const engine = fallback.engine ? ` (${fallback.engine.replace("django.db.backends.", "")})` : "";
  return {
    file: owner.file,
    line: db.selection.line,
    message: `The settings choose the database from ${selector}, which ${provided.sources.join(" and ")} ${provided.sources.length > 1 ? "do" : "does"} not set, while ${unread.join(", ")} ${unread.length > 1 ? "are" : "is"} provided and never read: the app silently runs on its fallback database${engine}. Provide ${selector} (or read the variables that are provided).`
  };
}

// src/rules/TF0314-settings-value-malformed.ts
var settingsValueMalformed = defineRule({
  id: "TF0314",
  name: "settings-value-malformed",
  factor: "III",
  severity: "error",
  kind: "S",
  title: "A setting read from the environment ends up with the wrong type: a stray trailing comma makes SECRET_KEY = (os.environ.get(...),) a tuple; ALLOWED_HOSTS from a raw string (os.environ.get('ALLOWED_HOSTS') without .split(...)) is a string, so Django checks Host headers against its characters; ALLOWED_HOSTS = [] while DEBUG can be off answers 400 to every request",
  help: `Some settings mistakes pass every local test and break only in production:

- a trailing comma turns \`SECRET_KEY = os.environ.get("SECRET_KEY"),\` into a one-element tuple, which Django
  rejects or signs with the wrong key;
- \`ALLOWED_HOSTS = os.environ.get("ALLOWED_HOSTS")\` is a string, and Django tests the Host header against each of its
  characters, so no real host matches;
- \`ALLOWED_HOSTS = []\` is only accepted while \`DEBUG\` is on: with \`DEBUG\` off every request gets 400 Bad Request.

\`\`\`python
SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]
ALLOWED_HOSTS = [h for h in os.environ.get("DJANGO_ALLOWED_HOSTS", "localhost").split(",") if h]
\`\`\`
`,
  related: [],
  check(project) {
    const findings = [];
    for (const app of project.apps) {
      const settings = app.settings;
      if (!settings) continue;
      for (const a of liveAssignments(settings, "SECRET_KEY")) {
        if (a.value.kind !== "list") continue;
        findings.push({
          file: settings.file,
          line: a.line,
          message: `SECRET_KEY is a tuple or list (a stray trailing comma?), not a string. Remove the comma: SECRET_KEY = os.environ["DJANGO_SECRET_KEY"].`
        });
      }
      const hosts = liveAssignments(settings, "ALLOWED_HOSTS");
      for (const a of hosts) {
        if (a.value.kind !== "env" || a.value.whenSet !== "text") continue;
        findings.push({
          file: settings.file,
          line: a.line,
          message: `ALLOWED_HOSTS is the raw string of ${a.value.variable}, so Django checks the Host header against its single characters and rejects real hosts. Split it: ALLOWED_HOSTS = os.environ.get("${a.value.variable}", "").split(",").`
        });
      }
      const empty = emptyHosts(settings, hosts);
      if (empty && debugCanBeOff(settings, empty)) {
        findings.push({
          file: settings.file,
          line: empty.line,
          message: `ALLOWED_HOSTS is empty while DEBUG can be off: Django then answers 400 Bad Request to every request. Read the hosts from the environment: ALLOWED_HOSTS = os.environ.get("DJANGO_ALLOWED_HOSTS", "localhost").split(",").`
        });
      }
    }
    return findings;
  }
});
function emptyHosts(settings, hosts) {
  if (hosts.length !== 1) return void 0;
  const [a] = hosts;
  if (a.value.kind !== "list" || a.value.items.length > 0 || a.inBranch) return void 0;
  if ((settings.starImports ?? []).some((s) => s.line > a.line)) return void 0;
  return a;
}
function debugCanBeOff(settings, hosts) {
  const debug = liveAssignments(settings, "DEBUG");
  if (debug.length === 0) return (settings.starImports ?? []).length === 0;
  if ((settings.starImports ?? []).some((s) => s.line > hosts.line)) return false;
  return debug.some((a) => canBeFalse(a.value));
}
function canBeFalse(v) {
  switch (v.kind) {
    case "literal":
      return !v.value;
    case "env":
      return true;
    // the environment can always say no
    case "choice":
      return v.options.some(canBeFalse);
    default:
      return false;
  }
}

// src/rules/TF0401-backing-service-localhost.ts
var BACKING_WORD = /^(DB|DATABASE|DATABASES|POSTGRES|POSTGRESQL|PG|PGHOST|MYSQL|MARIADB|REDIS|CACHE|CACHES|MEMCACHED|MEMCACHE|CELERY|BROKER|RABBITMQ|RABBIT|AMQP|MONGO|MONGODB|SQL|ELASTICSEARCH|VALKEY)$/;
function isBackingHostVar(name2) {
  const upper = name2.toUpperCase();
  if (upper === "PGHOST") return true;
  if (!/_HOST(NAME)?$/.test(upper) || upper.includes("ALLOWED")) return false;
  return upper.split("_").some((w) => BACKING_WORD.test(w));
}
function isBackingUrlVar(name2) {
  const upper = name2.toUpperCase();
  if (upper === "CELERY_RESULT_BACKEND" || upper === "RESULT_BACKEND") return true;
  if (!/_(URL|URI|DSN)$/.test(upper)) return false;
  return upper.split("_").some((w) => BACKING_WORD.test(w));
}
function hostOf(value) {
  const url = /^[a-z][a-z0-9+.-]*:\/\/(?:[^@/]*@)?(\[[^\]]+\]|[^:/?#,]*)/i.exec(value.trim());
  const bare = url ? null : /^(\[[^\]]+\]|[^:/\s]+)(?::\d+)?(?:\/.*)?$/.exec(value.trim());
  const host = (url ?? bare)?.[1];
  if (!host) return void 0;
  return host.replace(/^\[|\]$/g, "").toLowerCase();
}
function classifyHost(host) {
  if (host === "localhost" || host.endsWith(".localhost") || host === "::1" || /^127\./.test(host))
    return "local";
  if (host === "0.0.0.0") return "local";
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(host) || /^[0-9a-f:]+$/.test(host) && host.includes(":")) return "ip";
  return void 0;
}
function problem(host, kind) {
  return kind === "local" ? `'${host}', which inside a container is the container itself, not the service` : `the literal IP address ${host}, which ties the app to one machine`;
}
function backingHostOf(name2, value) {
  if (!value) return void 0;
  if (isBackingUrlVar(name2)) return value.includes("://") ? hostOf(value) : void 0;
  return isBackingHostVar(name2) ? hostOf(value) : void 0;
}
function imageEnvPairs(app) {
  const df = app.dockerfile;
  if (!df?.targetStage) return [];
  const composeSets = new Set((app.compose?.appService?.environment ?? []).map((e) => e.name));
  const out = [];
  for (const stage of lineage2(df))
    for (const instr of stage.instructions) {
      if (instr.keyword !== "ENV") continue;
      for (const pair2 of instr.pairs)
        if (pair2.value !== void 0 && !composeSets.has(pair2.name))
          out.push({ pair: { ...pair2, value: pair2.value }, file: df.file });
    }
  return out;
}
function lineage2(df) {
  const out = [];
  for (let s = df.targetStage; s && !out.includes(s); ) {
    out.unshift(s);
    s = s.from.stageRef !== void 0 ? df.stages[s.from.stageRef] : void 0;
  }
  return out;
}
var SETTINGS_URLS = /^(CELERY_BROKER_URL|BROKER_URL|CELERY_RESULT_BACKEND|REDIS_URL|DATABASE_URL|CACHE_URL)$/;
function literals(v) {
  if (v?.kind === "literal" && typeof v.value === "string") return [{ value: v.value, line: v.line }];
  if (v?.kind === "list") return v.items.flatMap(literals);
  return [];
}
var backingServiceLocalhost = defineRule({
  id: "TF0401",
  name: "backing-service-localhost",
  factor: "IV",
  severity: "warning",
  kind: "S",
  title: "A database/cache/broker host is localhost, 127.0.0.1 or a literal IP, in settings (not from the environment), in the app's compose environment or in the image's ENV: inside a container that is the container itself",
  help: [
    "A backing service is an attached resource, located by config. Inside a container `localhost` is the",
    "container itself, so a database or Redis on `localhost` is not found once the app runs in Docker; a literal",
    "IP ties the code to one machine. Take the host from the environment, and in compose use the service name:",
    "",
    "```python",
    "DATABASES = {'default': {..., 'HOST': os.environ.get('DB_HOST', 'localhost')}}",
    "CELERY_BROKER_URL = os.environ['CELERY_BROKER_URL']",
    "```",
    "",
    "```yaml",
    "services:",
    "  web:",
    "    environment:",
    "      DB_HOST: db                      # the compose service name, not localhost",
    "      REDIS_URL: redis://cache:6379/0",
    "```",
    "",
    "A setting read from the environment with a `localhost` fallback is fine for running outside Docker and is",
    "not reported; only a literal host in settings, in the app service environment or in the image's `ENV` is."
  ].join("\n"),
  related: [],
  check(project) {
    const out = [];
    for (const app of project.apps) {
      const web = app.compose?.appService;
      for (const e of web?.environment ?? []) {
        if (e.interpolated || !e.value) continue;
        const host = backingHostOf(e.name, e.value);
        const kind = host && classifyHost(host);
        if (!host || !kind) continue;
        out.push({
          file: e.file,
          line: e.line,
          message: `Service '${web.name}' sets ${e.name} to ${problem(host, kind)}: use the compose service name (e.g. 'db'), or pass the value from the environment.`
        });
      }
      for (const { pair: pair2, file } of imageEnvPairs(app)) {
        const host = backingHostOf(pair2.name, pair2.value);
        const kind = host && classifyHost(host);
        if (!host || !kind) continue;
        out.push({
          file,
          line: pair2.line,
          message: `The image sets ENV ${pair2.name} to ${problem(host, kind)}: leave it out of the Dockerfile and set it where the app is deployed (e.g. DB_HOST=db in compose).`
        });
      }
      const settings = app.settings;
      if (!settings) continue;
      for (const config2 of settings.databases?.configs ?? []) {
        if (config2.engine?.includes("sqlite")) continue;
        for (const lit of literals(config2.fields["HOST"])) {
          const host = hostOf(lit.value);
          const kind = host && classifyHost(host);
          if (!host || !kind) continue;
          out.push({
            file: settings.file,
            line: lit.line,
            message: `DATABASES HOST is ${problem(host, kind)}: read it from the environment, e.g. os.environ.get('DB_HOST', 'localhost'), and set DB_HOST=db in compose.`
          });
        }
      }
      for (const a of settings.assignments) {
        const found = [];
        if (a.name === "CACHES" && a.value.kind === "dict") {
          for (const alias of a.value.entries) {
            if (alias.value.kind !== "dict") continue;
            const location = alias.value.entries.find((x) => x.key === "LOCATION");
            for (const lit of literals(location?.value))
              found.push({ ...lit, what: `CACHES['${alias.key}'] LOCATION` });
          }
        } else if (SETTINGS_URLS.test(a.name)) {
          for (const lit of literals(a.value))
            if (lit.value.includes("://")) found.push({ ...lit, what: a.name });
        }
        for (const f of found) {
          const host = hostOf(f.value);
          const kind = host && classifyHost(host);
          if (!host || !kind) continue;
          out.push({
            file: settings.file,
            line: f.line,
            message: `${f.what} points at ${problem(host, kind)}: read it from an environment variable and set that to the compose service name (e.g. redis://cache:6379/0).`
          });
        }
      }
    }
    return out;
  }
});

// src/rules/TF0402-depends-on-unhealthy.ts
var DATABASES = /* @__PURE__ */ new Set(["postgres", "mysql", "mariadb"]);
var dependsOnUnhealthy = defineRule({
  id: "TF0402",
  name: "depends-on-unhealthy",
  factor: "IV",
  severity: "notice",
  kind: "S",
  title: "The compose app depends_on its database without condition: service_healthy, or the database service has no healthcheck",
  help: [
    "A plain `depends_on: [db]` only waits until the database container has *started*, not until it accepts",
    "connections. PostgreSQL and MySQL need a few seconds to initialise, so the app (or its `migrate`) fails on",
    "a fresh `docker compose up`. Give the database a healthcheck and wait for it:",
    "",
    "```yaml",
    "services:",
    "  web:",
    "    depends_on:",
    "      db:",
    "        condition: service_healthy",
    "  db:",
    "    image: postgres:16",
    "    healthcheck:",
    '      test: ["CMD-SHELL", "pg_isready -U $$POSTGRES_USER -d $$POSTGRES_DB"]',
    "      interval: 5s",
    "      retries: 10",
    "```"
  ].join("\n"),
  related: [],
  check(project) {
    const out = [];
    for (const app of project.apps) {
      const compose = app.compose;
      const web = compose?.appService;
      if (!compose || !web) continue;
      for (const dep of web.dependsOn) {
        const db = compose.services.find((s) => s.name === dep.service);
        if (!db || !DATABASES.has(db.role)) continue;
        const healthy = dep.condition === "service_healthy";
        const checked = db.healthcheck !== void 0 && !db.healthcheck.disabled;
        if (healthy && checked) continue;
        const fix = [
          healthy ? void 0 : `wait with 'condition: service_healthy'`,
          checked ? void 0 : `give '${db.name}' a healthcheck (e.g. pg_isready / mysqladmin ping)`
        ].filter(Boolean);
        const why = !healthy ? `depends_on '${db.name}' without condition: service_healthy, so it starts before the database accepts connections` : `waits for '${db.name}' to be healthy, but '${db.name}' has no healthcheck`;
        out.push({
          file: dep.file,
          line: dep.line,
          message: `Service '${web.name}' ${why}: ${fix.join(" and ")}.`
        });
      }
    }
    return out;
  }
});

// src/rules/TF0501-admin-task-at-build.ts
var ADMIN_TASKS = /* @__PURE__ */ new Set(["migrate", "createsuperuser", "loaddata", "flush"]);
var adminTaskAtBuild = defineRule({
  id: "TF0501",
  name: "admin-task-at-build",
  factor: "V",
  severity: "error",
  kind: "S",
  title: "A RUN executes manage.py migrate, createsuperuser, loaddata or flush: runtime data is made at build time and baked into the image",
  help: `A \`RUN\` executes while the image is built, with no access to the production database: \`migrate\`,
\`createsuperuser\`, \`loaddata\` or \`flush\` there either fail, or write to a database file inside the image that
every container then starts from (and loses on the next release). Build, release and run are separate stages.

Run admin tasks against the real database as one-off processes of the release.

\`\`\`sh
# at release time, with the same image and environment as the app:
docker compose run --rm web python manage.py migrate
\`\`\``,
  related: [],
  check(project) {
    const findings = [];
    for (const app of project.apps) {
      const df = app.dockerfile;
      if (!df) continue;
      for (const cmd of buildCommands(df.builtStages)) {
        const dj = djangoCommand(cmd.argv);
        if (!dj || !ADMIN_TASKS.has(dj.name) || dj.args.includes("--check") || dj.args.includes("--plan"))
          continue;
        findings.push({
          file: df.file,
          line: cmd.line,
          message: `'manage.py ${dj.name}' runs at build time, so its data is made without the real database and baked into the image. Run it as a release or one-off task against the configured database instead.`
        });
      }
    }
    return findings;
  }
});

// src/rules/TF0502-image-build-failed.ts
var imageBuildFailed = defineRule({
  id: "TF0502",
  name: "image-build-failed",
  factor: "V",
  severity: "error",
  kind: "D",
  title: "Docker build of the app image fails; the finding carries the failing step and the tail of the log",
  help: `The smoke test builds the pull request's image the way compose (or the Dockerfile alone) builds it. When the build fails, nothing else can be measured: the image that would be released does not exist. The finding points at the failing instruction when the builder's log names it, and carries the tail of the log.

Reproduce locally with the same context, target and build args, and fix the failing step:

\`\`\`sh
docker build -f Dockerfile --target app --build-arg BASE_IMAGE=python:3.12-slim .
\`\`\``,
  related: [],
  check() {
    return [];
  }
});

// src/rules/lib/paths.ts
function coversPath(a, b) {
  const x = a.length > 1 ? a.replace(/\/+$/, "") : a;
  const y = b.length > 1 ? b.replace(/\/+$/, "") : b;
  if (x === y || x === "/" || x === "." && !y.startsWith("/") && !y.startsWith("..")) return true;
  return y.startsWith(`${x}/`);
}
function imageCodeDir(app) {
  if (app.imageSourceDir) return app.imageSourceDir;
  const stage = app.dockerfile?.targetStage;
  if (!stage || stage.workdir === "/") return void 0;
  const copiesHere = stage.instructions.some(
    (i) => (i.keyword === "COPY" || i.keyword === "ADD") && "dest" in i && !i.fromStage && coversPath(i.dest, stage.workdir) && coversPath(stage.workdir, i.dest)
  );
  return copiesHere ? stage.workdir : void 0;
}

// src/rules/TF0503-source-mounted-over-image.ts
var sourceMountedOverImage = defineRule({
  id: "TF0503",
  name: "source-mounted-over-image",
  factor: "V",
  severity: "notice",
  kind: "S",
  title: "The compose app service bind-mounts the repository (.:/app) over the code in the image, so what runs is not the built release",
  help: [
    "A release is the built image plus config. A bind mount of the working tree over the directory where the image",
    "holds the code replaces that code with whatever is on the host: uncommitted edits, another branch, files the",
    "`.dockerignore` keeps out. What runs is then not the release you built and tested.",
    "",
    "Keep the live-reload mount out of the file used to deploy, e.g. in a `compose.override.yaml` (or a `develop:",
    "watch` section) that only development loads:",
    "",
    "```yaml",
    "# compose.yaml (deployed)",
    "services:",
    "  web:",
    "    build: .",
    "    volumes:",
    "      - media:/app/media      # data directories are fine",
    "```"
  ].join("\n"),
  related: [],
  check(project) {
    const out = [];
    for (const app of project.apps) {
      const web = app.compose?.appService;
      const codeDir = imageCodeDir(app);
      if (!web || !codeDir) continue;
      const hostDirs = [app.dir, web.build?.context, app.context?.dir].filter(
        (d) => d !== void 0
      );
      for (const v of web.volumes) {
        if (v.type !== "bind" || !v.source || v.source.startsWith("/") || v.source.startsWith("~")) continue;
        if (!hostDirs.some((d) => coversPath(v.source, d)) || !coversPath(v.target, codeDir)) continue;
        out.push({
          file: v.file,
          line: v.line,
          message: `Service '${web.name}' bind-mounts '${v.source}' over ${v.target}, where the image holds the code (${codeDir}): the container runs the host's files, not the built image. Keep this mount in a development-only override file.`
        });
      }
    }
    return out;
  }
});

// src/rules/TF0601-sqlite-in-image.ts
var sqliteInImage = defineRule({
  id: "TF0601",
  name: "sqlite-in-image",
  factor: "VI",
  severity: "error",
  kind: "S",
  title: "An SQLite database file that exists in the context (*.sqlite3, db.sqlite3) reaches the image",
  help: `Processes are stateless: data lives in a backing service or a volume, never in the image. A \`db.sqlite3\` copied
into the image bakes one developer's data (users, sessions, password hashes) into every container, and whatever a
container writes to it is lost when the container is replaced. Keep the file out of the build context and put the
database on a volume (or use PostgreSQL).

\`\`\`
# .dockerignore
*.sqlite3
\`\`\`

\`\`\`python
# settings.py: the path comes from the environment and points into a volume
"NAME": os.environ.get("SQLITE_PATH", "/data/db.sqlite3"),
\`\`\`
`,
  related: [],
  check(project) {
    return filesCopiedIntoImage(
      project,
      isSqliteFile,
      (names) => `This instruction copies the SQLite database ${names} into the image. Add '*.sqlite3' (and '**/*.sqlite3' for nested ones) to .dockerignore and keep the database in a volume.`
    );
  }
});

// src/rules/TF0602-runtime-data-not-in-volume.ts
import { posix as posix6 } from "node:path";
var runtimeDataNotInVolume = defineRule({
  id: "TF0602",
  name: "runtime-data-not-in-volume",
  factor: "VI",
  severity: "error",
  kind: "S",
  title: "The SQLite database path (or MEDIA_ROOT) resolves to a directory of the image that is neither a VOLUME of the target stage nor a volume mount of the compose app service",
  help: `A container's own filesystem lives and dies with the container. When the SQLite file (or the uploads in
\`MEDIA_ROOT\`) sits in a plain directory of the image, every redeploy, \`docker compose up --build\` or crash-restart
on a new host starts from the copy baked in the image, and everything users wrote since is gone. Several replicas
each get their own diverging copy.

Keep runtime data in a directory that is a volume, and point the settings at it through the environment:

\`\`\`python
DATABASES = {"default": {
    "ENGINE": "django.db.backends.sqlite3",
    "NAME": os.environ.get("SQLITE_PATH", "/data/db.sqlite3"),
}}
MEDIA_ROOT = os.environ.get("MEDIA_ROOT", "/data/media")
\`\`\`

\`\`\`yaml
services:
  web:
    volumes:
      - appdata:/data
volumes:
  appdata:
\`\`\`

(or \`VOLUME /data\` in the Dockerfile). Better still for production: a database server such as PostgreSQL and an
object store for media.
`,
  related: [],
  check(project) {
    const findings = [];
    for (const app of project.apps) {
      const settings = app.settings;
      const stage = app.dockerfile?.targetStage;
      if (!settings || !stage) continue;
      const env = providedEnvironment(app);
      const ctx = { app, env, workdir: stage.workdir || "/", imageBase: imageBaseDir(app) };
      const mounts = [
        ...stage.volumes.flatMap((v) => v.paths),
        ...(app.compose?.appService?.volumes ?? []).filter((v) => v.type !== "tmpfs").map((v) => v.target)
      ].map(clean);
      const where = app.compose?.appService ? `a VOLUME of the Dockerfile nor a volume of the compose service '${app.compose.appService.name}'` : "a VOLUME of the Dockerfile (and no compose service mounts one)";
      const databases = settings.databases;
      for (const hit of databases ? sqliteFiles(databases, ctx) : []) {
        const dir = posix6.dirname(hit.path);
        if (covered(dir, mounts)) continue;
        findings.push({
          file: settings.file,
          line: hit.line,
          ...msg`The SQLite database resolves to ${hit.path} in the image, and ${dir} is neither ${where}: a new container starts from the file baked in the image and what the last one wrote is lost. Point the path at a volume, e.g. ${code('"NAME": os.environ.get("SQLITE_PATH", "/data/db.sqlite3")')} with a volume on /data.`
        });
      }
      for (const a of liveAssignments(settings, "MEDIA_ROOT")) {
        if (a.activeWhenUnset === false || a.inBranch && a.activeWhenUnset === void 0) continue;
        const path = resolvePath(a.value, ctx, 0);
        if (!path || path === "/" || covered(path, mounts)) continue;
        findings.push({
          file: settings.file,
          line: a.line,
          ...msg`MEDIA_ROOT resolves to ${path} in the image, which is neither ${where}: uploaded files are lost when the container is replaced. Put it on a volume, e.g. ${code('MEDIA_ROOT = os.environ.get("MEDIA_ROOT", "/data/media")')} with a volume on /data.`
        });
      }
    }
    return findings;
  }
});
function imageBaseDir(app) {
  if (!app.imageSourceDir) return void 0;
  const baseDir = app.settings?.baseDir;
  if (baseDir === void 0) return app.imageSourceDir;
  const manageDir = app.managePy ? posix6.dirname(app.managePy) : app.dir;
  const rel = posix6.relative(manageDir === "." ? "" : manageDir, baseDir === "." ? "" : baseDir);
  if (rel.startsWith("..")) return void 0;
  return posix6.join(app.imageSourceDir, rel);
}
function sqliteFiles(databases, ctx) {
  const selection = databases.selection;
  let configs;
  if (selection.kind === "fixed") configs = databases.configs;
  else if (selection.kind === "unknown") configs = databases.configs.filter((c) => c.isDefault === true);
  else if (!ctx.env.values.has(selection.variable)) {
    if (!ctx.env.complete) return [];
    configs = databases.configs.filter((c) => c.isDefault === true);
  } else {
    const value = ctx.env.values.get(selection.variable);
    if (value === void 0) return [];
    if (selection.kind === "url") {
      const path = sqliteUrlPath(value, ctx);
      return path ? [{ path, line: selection.line }] : [];
    }
    configs = databases.configs.filter((c) => selects(c, value, databases.configs));
  }
  const out = [];
  for (const c of configs) {
    if (!c.engine || !isSqliteEngine(c.engine) || !c.fields.NAME) continue;
    const path = resolvePath(c.fields.NAME, ctx, 0);
    if (path) out.push({ path, line: c.fields.NAME.line });
  }
  return out;
}
function selects(c, value, all) {
  const by = c.selectedBy;
  if (!by) return false;
  switch (by.test ?? "equals") {
    case "equals":
      return by.value === value;
    case "set":
      return value !== "";
    case "unset":
      return value === "";
    case "otherwise":
      return !all.some(
        (o) => o !== c && (o.selectedBy?.test ?? "equals") === "equals" && o.selectedBy?.value === value
      );
  }
  return false;
}
function sqliteUrlPath(url, ctx) {
  const m = /^(sqlite|spatialite):\/\/[^/]*\/(.*)$/.exec(url);
  if (!m || m[2] === "" || m[2] === ":memory:") return void 0;
  return m[2].startsWith("/") ? clean(m[2]) : clean(posix6.join(ctx.workdir, m[2]));
}
function resolvePath(v, ctx, depth) {
  if (depth > 10) return void 0;
  switch (v.kind) {
    case "env": {
      if (ctx.env.values.has(v.variable)) {
        const value = ctx.env.values.get(v.variable);
        return value === void 0 ? void 0 : fromString(value, ctx);
      }
      if (!ctx.env.complete || !v.fallback) return void 0;
      return resolvePath(v.fallback, ctx, depth + 1);
    }
    case "path":
      if (v.base === "absolute") return clean(`/${v.parts.join("/")}`);
      return ctx.imageBase === void 0 ? void 0 : clean(posix6.join(ctx.imageBase, ...v.parts));
    case "literal":
      return typeof v.value === "string" ? fromString(v.value, ctx) : void 0;
    default:
      return void 0;
  }
}
function fromString(s, ctx) {
  if (s === "" || s === ":memory:" || s.includes("://") || s.startsWith("file:")) return void 0;
  return clean(s.startsWith("/") ? s : posix6.join(ctx.workdir, s));
}
function clean(p) {
  const n = posix6.normalize(p);
  return n.length > 1 && n.endsWith("/") ? n.slice(0, -1) : n;
}
function covered(dir, mounts) {
  return mounts.some((m) => m === "/" || dir === m || dir.startsWith(`${m}/`));
}

// src/rules/TF0603-postgres-data-not-in-volume.ts
function dataDir(s) {
  const repo = s.image?.repository.toLowerCase() ?? "";
  const bitnami = repo.split("/").includes("bitnami");
  if (s.role === "postgres") {
    const pgdata = s.environment.find((e) => e.name === "PGDATA" && e.value);
    if (pgdata) return pgdata.value;
    if (bitnami) return "/bitnami/postgresql";
    const major = Number(/^(\d+)/.exec(s.image?.tag ?? "")?.[1]);
    return repo.endsWith("postgres") && major >= 18 ? `/var/lib/postgresql/${major}/docker` : "/var/lib/postgresql/data";
  }
  if (s.role === "mysql" || s.role === "mariadb") return bitnami ? `/bitnami/${s.role}` : "/var/lib/mysql";
  return void 0;
}
var postgresDataNotInVolume = defineRule({
  id: "TF0603",
  name: "postgres-data-not-in-volume",
  factor: "VI",
  severity: "warning",
  kind: "S",
  title: "A compose PostgreSQL (or MySQL/MariaDB) service mounts no named volume at its data directory",
  help: [
    "Without a named volume, the database files live in the container (or in an anonymous volume that the next",
    "`docker compose down` / `up` leaves behind): recreating the container, which an image upgrade or a config",
    "change does, starts with an empty database. Mount a named volume at the data directory:",
    "",
    "```yaml",
    "services:",
    "  db:",
    "    image: postgres:16",
    "    volumes:",
    "      - pgdata:/var/lib/postgresql/data   # /var/lib/mysql for MySQL/MariaDB",
    "volumes:",
    "  pgdata:",
    "```",
    "",
    "A bind mount of a host directory there also persists the data and is not reported, nor is a `tmpfs` there,",
    "which says the database is meant to be thrown away (test stacks)."
  ].join("\n"),
  related: [],
  check(project) {
    const out = [];
    for (const app of project.apps) {
      for (const s of app.compose?.services ?? []) {
        const dir = dataDir(s);
        if (!dir || !s.image) continue;
        const persisted = s.volumes.some(
          (v) => (v.type === "volume" || v.type === "bind") && v.source && coversPath(v.target, dir)
        );
        const throwaway = s.volumes.some((v) => v.type === "tmpfs" && coversPath(v.target, dir));
        if (persisted || throwaway) continue;
        out.push({
          file: s.image.file,
          line: s.image.line,
          message: `Service '${s.name}' (${s.image.value}) has no named volume at its data directory ${dir}: the data is lost when the container is recreated. Add a volume such as '${s.name}-data:${dir}' and declare it under the top-level volumes:.`
        });
      }
    }
    return out;
  }
});

// src/rules/TF0604-runtime-data-lost.ts
var runtimeDataLost = defineRule({
  id: "TF0604",
  name: "runtime-data-lost",
  factor: "VI",
  severity: "error",
  kind: "D",
  title: "A record written through the app in one container is gone after that container is replaced by a fresh one with the same volumes",
  help: `A process must keep nothing it needs on its own filesystem: containers are replaced at every deploy, scale-out and restart. The smoke test writes a user through a one-off container, replaces the server container with a fresh one on the same volumes, and reads the user back inside it. When it is gone (or the tables created by the migrate one-off are already missing), the data lived in the container's writable layer.

Put the SQLite file in a volume, or use a database server:

\`\`\`dockerfile
RUN mkdir -p /data && chown app /data
VOLUME /data
\`\`\`

\`\`\`python
DATABASES = {'default': {'ENGINE': 'django.db.backends.sqlite3',
                         'NAME': os.environ.get('SQLITE_PATH', '/data/db.sqlite3')}}
\`\`\``,
  related: [],
  check() {
    return [];
  }
});

// src/rules/TF0605-volume-over-source.ts
var volumeOverSource = defineRule({
  id: "TF0605",
  name: "volume-over-source",
  factor: "VI",
  severity: "warning",
  kind: "S",
  title: "A VOLUME or compose volume is mounted on the directory holding the application code, so old code survives in the volume across releases",
  help: [
    "A volume is filled from the image only the first time it is created. A `VOLUME /app` in the Dockerfile, or a",
    "named volume mounted on the code directory, then keeps the code of the first release: the next image is",
    "built and deployed, and the container still runs the old files from the volume. Processes must be stateless;",
    "only data belongs in volumes, in its own directory:",
    "",
    "```dockerfile",
    "WORKDIR /app",
    "COPY . .",
    "# VOLUME /app          <- remove",
    "VOLUME /app/media      # data only",
    "```"
  ].join("\n"),
  related: [],
  check(project) {
    const out = [];
    for (const app of project.apps) {
      const codeDir = imageCodeDir(app);
      if (!codeDir) continue;
      const dockerfile = app.dockerfile;
      for (const instr of dockerfile?.targetStage?.volumes ?? []) {
        const path = instr.paths.find((p) => coversPath(p, codeDir));
        if (!path || !dockerfile) continue;
        out.push({
          file: dockerfile.file,
          line: instr.line,
          message: `VOLUME ${path} covers the application code in ${codeDir}: the volume keeps the code of the first release across upgrades. Declare volumes only for data directories (e.g. ${codeDir}/media).`
        });
      }
      const web = app.compose?.appService;
      for (const v of web?.volumes ?? []) {
        if (v.type !== "volume" || !v.source || !coversPath(v.target, codeDir)) continue;
        out.push({
          file: v.file,
          line: v.line,
          message: `Service '${web.name}' mounts the named volume '${v.source}' on ${v.target}, which holds the application code (${codeDir}): the volume keeps the code of the first release across upgrades. Mount volumes only on data directories.`
        });
      }
    }
    return out;
  }
});

// src/rules/TF0701-no-port-declared.ts
var noPortDeclared = defineRule({
  id: "TF0701",
  name: "no-port-declared",
  factor: "VII",
  severity: "notice",
  kind: "S",
  title: "The target stage has no EXPOSE and the compose app service has no ports/expose",
  help: `A twelve-factor app exports its service by binding a port; the image should say which one, so that
platforms, \`docker run -P\` and readers know where the app answers without reading the start command.

\`\`\`dockerfile
EXPOSE 8000
CMD ["gunicorn", "--bind", "0.0.0.0:8000", "mysite.wsgi"]
\`\`\``,
  related: [],
  check(project) {
    const findings = [];
    for (const app of project.apps) {
      const stage = app.dockerfile?.targetStage;
      if (!stage || stage.exposes.length > 0) continue;
      const service = app.compose?.appService;
      if (service && (service.ports.length > 0 || service.expose.length > 0)) continue;
      findings.push({
        file: app.dockerfile.file,
        line: 1,
        message: `The image declares no port (no EXPOSE in the target stage${service ? `, no ports/expose on compose service '${service.name}'` : ""}). Add EXPOSE with the port the server binds, e.g. EXPOSE 8000.`
      });
    }
    return findings;
  }
});

// src/rules/TF0702-binds-loopback.ts
var bindsLoopback = defineRule({
  id: "TF0702",
  name: "binds-loopback",
  factor: "VII",
  severity: "error",
  kind: "S",
  title: "The server command listens on 127.0.0.1/localhost only (e.g. manage.py runserver with no address, gunicorn -b 127.0.0.1:8000): unreachable from outside the container",
  help: `Inside a container, 127.0.0.1 is the container itself: a server bound there cannot be reached through a published
port. Several servers bind loopback by default: \`manage.py runserver\` with no address, \`gunicorn\` with no
\`--bind\` (and no \`PORT\` variable), \`uvicorn\`, \`daphne\` and \`hypercorn\` without a host.

Bind all interfaces and let the platform decide what is published.

\`\`\`dockerfile
CMD ["gunicorn", "--bind", "0.0.0.0:8000", "mysite.wsgi"]
\`\`\``,
  related: [],
  check(project) {
    const findings = [];
    for (const app of project.apps) {
      const env = containerEnv(app);
      const configFileInContext = hasGunicornConfig(app);
      for (const cmd of startCommands(app)) {
        const server = serverOf(cmd.argv, env, { configFileInContext });
        const addresses = server?.addresses;
        if (!server || !addresses?.length || !addresses.every((a) => isLoopback(a.host))) continue;
        const where = addresses.map((a) => `${a.host}${a.port !== void 0 ? `:${a.port}` : ""}`).join(", ");
        const port = addresses[0].port ?? 8e3;
        findings.push({
          file: cmd.file,
          line: cmd.line,
          message: `${server.kind} listens on ${where} only, which is unreachable from outside the container. Bind all interfaces, e.g. ${fixFor(server.kind, port)}.`
        });
      }
    }
    return findings;
  }
});
function fixFor(kind, port) {
  switch (kind) {
    case "runserver":
      return `manage.py runserver 0.0.0.0:${port}`;
    case "uvicorn":
    case "granian":
      return `${kind} --host 0.0.0.0 --port ${port}`;
    case "daphne":
      return `daphne -b 0.0.0.0 -p ${port}`;
    case "uwsgi":
      return `uwsgi --http 0.0.0.0:${port}`;
    default:
      return `${kind} --bind 0.0.0.0:${port}`;
  }
}

// src/rules/TF0703-port-unreachable.ts
var portUnreachable = defineRule({
  id: "TF0703",
  name: "port-unreachable",
  factor: "VII",
  severity: "error",
  kind: "D",
  title: "The started app never answers HTTP on its port within the start timeout",
  help: `The smoke test publishes the container's port on 127.0.0.1 and waits for any HTTP answer. When none comes before the start timeout, the app cannot be reached through its port: usually the server listens on 127.0.0.1 inside the container (the default of \`manage.py runserver\`), listens on another port than the one exposed, or crashes at start (the container log is in the details).

Bind the server to all interfaces on the exposed port:

\`\`\`dockerfile
EXPOSE 8000
CMD ["gunicorn", "--bind", "0.0.0.0:8000", "mysite.wsgi"]
\`\`\``,
  related: [],
  check() {
    return [];
  }
});

// src/rules/TF0704-expose-mismatch.ts
var exposeMismatch = defineRule({
  id: "TF0704",
  name: "expose-mismatch",
  factor: "VII",
  severity: "warning",
  kind: "S",
  title: "The port in EXPOSE differs from the port the server command binds",
  help: `\`EXPOSE\` documents where the app answers; platforms and \`docker run -P\` publish that port. When the server
binds another one, requests go to a port nobody listens on.

Make EXPOSE and the bind agree (defaults count: \`runserver\` and \`gunicorn\` listen on 8000).

\`\`\`dockerfile
EXPOSE 8000
CMD ["gunicorn", "--bind", "0.0.0.0:8000", "mysite.wsgi"]
\`\`\``,
  related: [],
  check(project) {
    const findings = [];
    for (const app of project.apps) {
      const stage = app.dockerfile?.targetStage;
      if (!stage || stage.exposes.length === 0) continue;
      const exposed = stage.exposes.flatMap((e) => e.ports);
      if (exposed.some((p) => p.port === void 0)) continue;
      const numbers = new Set(exposed.map((p) => p.port));
      const anchor = stage.exposes.at(-1);
      const env = containerEnv(app);
      const reported = /* @__PURE__ */ new Set();
      for (const cmd of startCommands(app)) {
        const server = serverOf(cmd.argv, env, { configFileInContext: hasGunicornConfig(app) });
        const ports = (server?.addresses ?? []).map((a) => a.port);
        if (ports.length === 0 || ports.some((p) => p === void 0 || numbers.has(p))) continue;
        const port = ports[0];
        if (reported.has(port)) continue;
        reported.add(port);
        findings.push({
          file: app.dockerfile.file,
          line: anchor.line,
          message: `EXPOSE ${[...numbers].join(" ")} but ${server.kind} binds port ${port} (${cmd.file}:${cmd.line}). Expose ${port}, or bind the server to the exposed port.`
        });
      }
    }
    return findings;
  }
});

// src/rules/TF0801-dev-server.ts
var devServer = defineRule({
  id: "TF0801",
  name: "dev-server",
  factor: "VIII",
  severity: "error",
  kind: "S",
  title: "The container runs manage.py runserver (Django's development server), directly or from the entrypoint script it runs",
  help: `\`manage.py runserver\` is Django's development server: Django's documentation says not to use it in production.
It has not gone through security audits or performance tests, serves one process, and reloads code on changes.
Scale out through the process model with a production WSGI/ASGI server.

\`\`\`dockerfile
CMD ["gunicorn", "--bind", "0.0.0.0:8000", "--workers", "3", "mysite.wsgi"]
\`\`\``,
  related: [],
  check(project) {
    const findings = [];
    for (const app of project.apps) {
      for (const cmd of startCommands(app)) {
        if (!isRunserver(cmd.argv)) continue;
        findings.push({
          file: cmd.file,
          line: cmd.line,
          message: `The container starts Django's development server (manage.py runserver). Serve the app with gunicorn or uvicorn instead, e.g. gunicorn --bind 0.0.0.0:8000 <project>.wsgi.`
        });
      }
    }
    return findings;
  }
});

// src/rules/TF0802-fixed-container-name.ts
var fixedContainerName = defineRule({
  id: "TF0802",
  name: "fixed-container-name",
  factor: "VIII",
  severity: "notice",
  kind: "S",
  title: "The compose app service sets container_name, which prevents --scale",
  help: [
    "The app scales out by running more processes of the same image. A container name is unique on a Docker host,",
    "so with `container_name:` set, `docker compose up --scale web=3` fails and a blue/green replacement cannot",
    "start the new container next to the old one. Compose already names containers `<project>-web-1`, and other",
    "services reach the app by its service name, not its container name.",
    "",
    "```yaml",
    "services:",
    "  web:",
    "    build: .",
    "    # container_name: web   <- remove",
    "```"
  ].join("\n"),
  related: [],
  check(project) {
    const out = [];
    for (const app of project.apps) {
      const s = app.compose?.appService;
      if (!s?.containerName) continue;
      out.push({
        file: s.containerName.file,
        line: s.containerName.line,
        message: `Service '${s.name}' sets container_name: ${s.containerName.value}, so it cannot be scaled (docker compose up --scale ${s.name}=2 fails): remove container_name and address it by its service name.`
      });
    }
    return out;
  }
});

// src/rules/TF0803-several-processes.ts
var LONG_RUNNING_COMMANDS = /* @__PURE__ */ new Set([
  "runworker",
  "qcluster",
  "rqworker",
  "rqscheduler",
  "process_tasks",
  "celery"
]);
var LONG_RUNNING_PROGRAMS = /* @__PURE__ */ new Set([
  "nginx",
  "cron",
  "crond",
  "redis-server",
  "dramatiq",
  "huey_consumer",
  "rq"
]);
function longRunningProcess(argv) {
  const server = serverOf(argv);
  if (server) return server.kind;
  const dj = djangoCommand(argv);
  if (dj) return LONG_RUNNING_COMMANDS.has(dj.name) ? dj.name : void 0;
  const a = programArgv(argv);
  if (a[0] === "celery") {
    const sub = a.find((x, i) => i > 0 && ["worker", "beat", "flower"].includes(x));
    return sub ? `celery ${sub}` : void 0;
  }
  return LONG_RUNNING_PROGRAMS.has(a[0] ?? "") ? a[0] : void 0;
}
var severalProcesses = defineRule({
  id: "TF0803",
  name: "several-processes",
  factor: "VIII",
  severity: "warning",
  kind: "S",
  title: "One container runs several long-running processes (a server started in the background with &, a worker and beat beside it, a sleep/tail -f loop as PID 1) instead of one process per container",
  help: `A process started in the background with \`&\` is invisible to the container runtime: when it crashes nothing
restarts it, its exit does not stop the container, it cannot be scaled on its own, and \`docker stop\` may never reach
it. Running the web server, a Celery worker and beat in one container also means they can only be scaled together.

Run one process per container, each with its own command, from the same image:

\`\`\`yaml
services:
  web:
    build: .
    command: ["gunicorn", "--bind", "0.0.0.0:8000", "mysite.wsgi"]
  worker:
    build: .
    command: ["celery", "-A", "mysite", "worker"]
  beat:
    build: .
    command: ["celery", "-A", "mysite", "beat"]
\`\`\`
`,
  related: [],
  check(project) {
    const findings = [];
    const seen = /* @__PURE__ */ new Set();
    for (const app of project.apps) {
      for (const cmd of [...imageCommand(app), ...effectiveCommand(app)]) {
        if (!cmd.background) continue;
        const what = longRunningProcess(cmd.argv);
        const key = `${cmd.file}:${cmd.line}`;
        if (!what || seen.has(key)) continue;
        seen.add(key);
        findings.push({
          file: cmd.file,
          line: cmd.line,
          message: `This starts ${what} in the background with '&', beside the container's main process: nothing restarts it when it dies, and it cannot be scaled or stopped on its own. Run it as its own container (its own compose service or command) from the same image.`
        });
      }
    }
    return findings;
  }
});

// src/rules/TF0901-shell-form-command.ts
var shellFormCommand = defineRule({
  id: "TF0901",
  name: "shell-form-command",
  factor: "IX",
  severity: "warning",
  kind: "S",
  title: "CMD/ENTRYPOINT in shell form, or an entrypoint script that starts the server without exec: PID 1 is a shell and SIGTERM does not reach the server",
  help: `\`docker stop\` sends SIGTERM to PID 1 and kills the container 10 seconds later. With a shell-form
\`CMD gunicorn ...\` (run as \`/bin/sh -c\`), a \`sh -c "migrate && gunicorn ..."\`, or an entrypoint script that
starts the server as a child, PID 1 is the shell: the server never gets SIGTERM, cannot finish its requests and
is killed. Fast, graceful shutdown is what makes processes disposable.

Use the exec form, and \`exec\` the last command of scripts so the server replaces the shell.

\`\`\`dockerfile
CMD ["gunicorn", "--bind", "0.0.0.0:8000", "mysite.wsgi"]
\`\`\`

\`\`\`sh
#!/bin/sh
set -e
exec "$@"
\`\`\``,
  related: ["DL3025", "JSONArgsRecommended"],
  check(project) {
    const findings = [];
    for (const app of project.apps) {
      const df = app.dockerfile;
      const stage = df?.targetStage;
      if (df && stage) {
        const shellForm = stage.entrypoint?.form === "shell" ? stage.entrypoint : stage.cmd?.form === "shell" ? stage.cmd : void 0;
        if (shellForm)
          findings.push({ file: df.file, line: shellForm.line, message: shellFormMessage(shellForm) });
        for (const instr of [stage.entrypoint, stage.cmd]) {
          if (instr?.argv) findings.push(...inlineShell(instr.argv, df.file, instr.line, instr.keyword));
        }
      }
      const service = app.compose?.appService;
      for (const [key, c] of [
        ["entrypoint", service?.entrypoint],
        ["command", service?.command]
      ]) {
        const argv = c && composeArgv(c);
        if (c && argv) findings.push(...inlineShell(argv, c.file, c.line, `compose ${key}`));
      }
      for (const script of app.entrypointScripts) {
        for (const c of script.script.commands) {
          if (c.viaExec) continue;
          const server = serverOf(c.argv);
          const runsArgs = c.argv[0] === "$@" || c.argv[0] === "$*";
          if (!server && !runsArgs) continue;
          findings.push({
            file: script.file,
            line: c.line,
            message: `${script.file} starts ${server ? server.kind : 'the container command ("$@")'} without exec, so the script stays PID 1 and SIGTERM does not reach it. Write exec ${c.argv[0] === "$@" ? '"$@"' : c.argv.join(" ")}.`
          });
        }
      }
    }
    return findings;
  }
});
function shellFormMessage(instr) {
  const commands = instr.script?.commands ?? [];
  const example = commands.length === 1 ? `${instr.keyword} [${commands[0].argv.map((a) => JSON.stringify(a)).join(", ")}]` : `${instr.keyword} ["/entrypoint.sh"] with exec in the script`;
  return `${instr.keyword} is in shell form, so /bin/sh is PID 1 and SIGTERM from docker stop does not reach the server. Use the exec form: ${example}.`;
}
function inlineShell(argv, file, line, what) {
  const last = inlineScriptLastCommand(argv, line);
  if (!last || last.viaExec) return [];
  return [
    {
      file,
      line,
      message: `${what} runs '${argv[0]} -c', and its last command (${last.argv[0]}) is not started with exec, so the shell stays PID 1 and SIGTERM does not reach it. Write 'exec ${last.argv.join(" ")}' as the last command.`
    }
  ];
}
function composeArgv(c) {
  return c.argv ?? c.script?.commands[0]?.argv;
}

// src/rules/TF0902-slow-shutdown.ts
var slowShutdown = defineRule({
  id: "TF0902",
  name: "slow-shutdown",
  factor: "IX",
  severity: "warning",
  kind: "D",
  title: "Docker stop needs longer than the shutdown budget (default 5 s) or ends by SIGKILL",
  help: `Containers are stopped at every deploy and scale-in. \`docker stop\` sends SIGTERM and waits; a server that does not exit promptly is killed with SIGKILL, dropping in-flight requests. The smoke test times \`docker stop\` and reads the exit code: over the shutdown budget (default 5 s) or exit code 137 fires this rule. The usual cause is a shell as PID 1 (shell-form CMD, or an entrypoint script without \`exec\`) that never passes SIGTERM on.

Use the exec form and \`exec\` the server from scripts:

\`\`\`dockerfile
CMD ["gunicorn", "--bind", "0.0.0.0:8000", "--graceful-timeout", "5", "mysite.wsgi"]
\`\`\`

\`\`\`sh
#!/bin/sh
set -e
exec "$@"
\`\`\``,
  related: [],
  check() {
    return [];
  }
});

// src/rules/TF0903-slow-startup.ts
var slowStartup = defineRule({
  id: "TF0903",
  name: "slow-startup",
  factor: "IX",
  severity: "notice",
  kind: "D",
  title: "Time from container start to first HTTP answer exceeds the startup budget (default 20 s)",
  help: `Fast startup makes deploys, scaling and crash recovery quick. The smoke test measures the time from \`docker run\` to the first HTTP answer; over the startup budget (default 20 s) fires this rule. Slow starts usually come from work done on every start: migrations, \`collectstatic\`, dependency installation, or sleeps waiting for other services.

Do that work once, at build or release time:

\`\`\`dockerfile
RUN python manage.py collectstatic --noinput
CMD ["gunicorn", "--bind", "0.0.0.0:8000", "mysite.wsgi"]
\`\`\`

and run migrations as a one-off release task (\`docker run --rm IMAGE python manage.py migrate\`).`,
  related: [],
  check() {
    return [];
  }
});

// src/rules/TF0904-no-healthcheck.ts
var noHealthcheck = defineRule({
  id: "TF0904",
  name: "no-healthcheck",
  factor: "IX",
  severity: "notice",
  kind: "S",
  title: "No HEALTHCHECK in the target stage and none on the compose app service",
  help: `Without a health check, Docker and compose only know whether the process runs, not whether the app answers:
a replica stuck at start, or one that lost its database, keeps receiving traffic, and \`depends_on:
condition: service_healthy\` cannot wait for it.

Add a cheap check of the app itself, in the image or in compose.

\`\`\`dockerfile
HEALTHCHECK --interval=30s --timeout=3s --start-period=20s \\
  CMD python -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/healthz')" || exit 1
\`\`\``,
  related: ["DL3057", "CKV_DOCKER_2", "DS-0026"],
  check(project) {
    const findings = [];
    for (const app of project.apps) {
      const stage = app.dockerfile?.targetStage;
      if (!stage) continue;
      const compose = app.compose?.appService?.healthcheck;
      const healthy = compose ? !compose.disabled : stage.healthcheck !== void 0 && !stage.healthcheck.none;
      if (healthy) continue;
      const why = compose?.disabled ? `the compose service disables its healthcheck` : stage.healthcheck?.none ? `HEALTHCHECK NONE disables it` : `no HEALTHCHECK in the target stage${app.compose?.appService ? " and none on the compose service" : ""}`;
      findings.push({
        file: app.dockerfile.file,
        line: 1,
        message: `The app container has no health check (${why}). Add a HEALTHCHECK that requests the app, e.g. an HTTP GET on a /healthz view.`
      });
    }
    return findings;
  }
});

// src/rules/TF1001-sqlite-path-failed.ts
var sqlitePathFailed = defineRule({
  id: "TF1001",
  name: "sqlite-path-failed",
  factor: "X",
  severity: "error",
  kind: "D",
  title: "The image does not migrate and serve with DB_ENGINE=sqlite",
  help: `Dev/prod parity means the same image runs everywhere with only its environment changed. The smoke test runs the image with \`DB_ENGINE=sqlite\` and no database server: \`manage.py migrate\` as a one-off, then the server, then HTTP probes of \`/\` and \`/admin/login/\`. This finding names the step that broke and carries its log.

Make SQLite a first-class, environment-selected engine whose file lives in a volume:

\`\`\`python
if os.environ.get('DB_ENGINE', 'sqlite') == 'sqlite':
    DATABASES = {'default': {'ENGINE': 'django.db.backends.sqlite3',
                             'NAME': os.environ.get('SQLITE_PATH', '/data/db.sqlite3')}}
\`\`\``,
  related: [],
  check() {
    return [];
  }
});

// src/rules/TF1002-postgres-path-failed.ts
var postgresPathFailed = defineRule({
  id: "TF1002",
  name: "postgres-path-failed",
  factor: "X",
  severity: "error",
  kind: "D",
  title: "The image does not migrate and serve with DB_ENGINE=postgres against a fresh PostgreSQL attached only through environment variables",
  help: `The smoke test attaches a fresh PostgreSQL to the image only through environment variables (\`DB_ENGINE=postgres\`, \`DB_HOST\`, \`DB_PORT\`, \`DB_NAME\`, \`DB_USER\`, \`DB_PASSWORD\`, and \`DATABASE_URL\` when the settings read it), runs \`manage.py migrate\` as a one-off, starts the server and probes it. This finding names the step that broke: typically a host, name or credential written in the settings instead of read from the environment.

Read every connection parameter from the environment:

\`\`\`python
DATABASES = {'default': {
    'ENGINE': 'django.db.backends.postgresql',
    'HOST': os.environ['DB_HOST'], 'PORT': os.environ.get('DB_PORT', '5432'),
    'NAME': os.environ['DB_NAME'], 'USER': os.environ['DB_USER'],
    'PASSWORD': os.environ['DB_PASSWORD'],
}}
\`\`\``,
  related: [],
  check() {
    return [];
  }
});

// src/rules/TF1003-sqlite-default-engine.ts
var sqliteDefaultEngine = defineRule({
  id: "TF1003",
  name: "sqlite-default-engine",
  factor: "X",
  severity: "notice",
  kind: "S",
  title: "The engine falls back to SQLite when nothing is configured, so a production deploy that forgets DB_ENGINE silently runs on a file inside the container",
  help: `A default of SQLite is convenient on a laptop, but a production deploy that forgets \`DB_ENGINE\` (or
\`DATABASE_URL\`) does not fail: it starts, migrates an empty SQLite file inside the container and serves from it,
and whatever users write is lost with the container. Prefer failing loudly when the database is not configured, and
set the development value explicitly in the dev stack (compose file or \`.env\`).

\`\`\`python
# Before
DATABASES = {"default": DATABASES_AVAILABLE[os.environ.get("DB_ENGINE", "sqlite")]}
DATABASES = {"default": dj_database_url.config(default="sqlite:///db.sqlite3")}

# After: no silent fallback
DATABASES = {"default": DATABASES_AVAILABLE[os.environ["DB_ENGINE"]]}
DATABASES = {"default": dj_database_url.config()}  # ImproperlyConfigured when DATABASE_URL is missing
\`\`\`
`,
  related: [],
  check(project) {
    const findings = [];
    for (const app of project.apps) {
      const settings = app.settings;
      const databases = settings?.databases;
      if (!settings || !databases) continue;
      const selection = databases.selection;
      if (selection.kind !== "env" && selection.kind !== "url") continue;
      const fallback = databases.configs.find(
        (c) => c.isDefault === true && c.engine && isSqliteEngine(c.engine)
      );
      if (!fallback) continue;
      const what = selection.kind === "url" ? `${selection.variable} (a database URL)` : selection.variable;
      findings.push({
        file: settings.file,
        line: selection.line,
        message: `When ${what} is unset the database falls back to SQLite (${fallback.engine}), so a deploy that forgets it runs on a file inside the container; make the variable required, or set the SQLite choice explicitly in the development environment.`
      });
    }
    return findings;
  }
});

// src/rules/TF1101-logs-to-file.ts
var FILE_HANDLERS = /(^|\.)(FileHandler|RotatingFileHandler|TimedRotatingFileHandler|WatchedFileHandler)$/;
var LOG_FILE_OPTIONS = {
  gunicorn: ["--access-logfile", "--error-logfile", "--log-file"],
  uwsgi: ["--logto", "--logto2", "--daemonize"],
  daphne: ["--access-log"],
  hypercorn: ["--access-logfile", "--error-logfile"]
};
var OUTPUT_REDIRECT = /^(1|2)?(>|>>|>\|)$|^&>>?$/;
var logsToFile = defineRule({
  id: "TF1101",
  name: "logs-to-file",
  factor: "XI",
  severity: "warning",
  kind: "S",
  title: "LOGGING uses a file handler (FileHandler, RotatingFileHandler, TimedRotatingFileHandler, WatchedFileHandler), gunicorn writes --access-logfile/--error-logfile/--log-file to a path other than -, or the command redirects output to a file",
  help: `A twelve-factor app writes its logs, unbuffered, to stdout/stderr, and the platform collects them
(\`docker logs\`, the log driver, the cloud's log service). Log files inside a container fill its writable layer,
vanish with the container, and are invisible to those tools.

\`\`\`python
LOGGING = {
    "version": 1,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "INFO"},
}
\`\`\`

\`\`\`dockerfile
CMD ["gunicorn", "--access-logfile", "-", "--error-logfile", "-", "--bind", "0.0.0.0:8000", "mysite.wsgi"]
\`\`\``,
  related: [],
  check(project) {
    const findings = [];
    for (const app of project.apps) {
      const settings = app.settings;
      for (const h of settings?.logHandlers ?? []) {
        if (!FILE_HANDLERS.test(h.className)) continue;
        findings.push({
          file: settings.file,
          line: h.line,
          message: `LOGGING uses ${h.className}, which writes logs to a file inside the container. Use logging.StreamHandler so logs go to stdout/stderr.`
        });
      }
      for (const cmd of startCommands(app)) {
        const a = programArgv(cmd.argv);
        for (const option of LOG_FILE_OPTIONS[a[0] ?? ""] ?? []) {
          const value = valueOf(a, option);
          if (value === void 0 || value === "-" || value.startsWith("/dev/std") || value === "/proc/1/fd/1")
            continue;
          findings.push({
            file: cmd.file,
            line: cmd.line,
            message: `${a[0]} ${option} ${value} writes logs to a file inside the container. Use ${option === "--daemonize" || a[0] === "uwsgi" ? "no log file (uwsgi logs to stderr by default)" : `${option} -`} so they go to stdout/stderr.`
          });
        }
        const startsSomething = serverOf(cmd.argv) !== void 0 || cmd.argv.length === 0 || cmd.argv[0] === "$@";
        if (!startsSomething) continue;
        for (const r of cmd.redirects) {
          if (!OUTPUT_REDIRECT.test(r.op) || /^(\/dev\/|\/proc\/)/.test(r.target)) continue;
          findings.push({
            file: cmd.file,
            line: cmd.line,
            message: `The start command redirects its output to ${r.target} (${r.op}), so logs go to a file instead of stdout/stderr. Remove the redirection and let the platform collect the output.`
          });
          break;
        }
      }
    }
    return findings;
  }
});
function valueOf(argv, option) {
  for (let i = 1; i < argv.length; i++) {
    if (argv[i] === option) return argv[i + 1];
    if (argv[i].startsWith(`${option}=`)) return argv[i].slice(option.length + 1);
  }
  return void 0;
}

// src/rules/TF1201-migrate-one-off-failed.ts
var migrateOneOffFailed = defineRule({
  id: "TF1201",
  name: "migrate-one-off-failed",
  factor: "XII",
  severity: "error",
  kind: "D",
  title: "Manage.py migrate run as a one-off container from the same image and environment fails",
  help: `Admin processes run as one-off containers from the same image and environment as the app: that is how a release migrates. The smoke test runs \`manage.py migrate --noinput\` that way: in a one-off container (\`docker run --rm\`) of the built image with the engine's environment, after \`manage.py check --deploy\` in the same Python process; a failure here means a deploy cannot migrate. The log tail in the details shows why.

Check that migrations apply from scratch with only environment configuration:

\`\`\`sh
docker run --rm -e DB_ENGINE=sqlite IMAGE python manage.py migrate --noinput
\`\`\``,
  related: [],
  check() {
    return [];
  }
});

// src/rules/TF1202-admin-task-on-every-start.ts
var adminTaskOnEveryStart = defineRule({
  id: "TF1202",
  name: "admin-task-on-every-start",
  factor: "XII",
  severity: "notice",
  kind: "S",
  title: "The server start command also runs migrate (e.g. migrate && gunicorn), so every replica races to migrate on each start",
  help: `Admin processes run as one-off processes, once per release. When the start command migrates before starting the
server, every replica and every restart migrates: replicas race on the same migrations, a long migration delays
every start, and a failing one crash-loops the service.

Run \`migrate\` once per release (a release phase, a Kubernetes Job, \`docker compose run --rm\`) and start only
the server.

\`\`\`yaml
services:
  migrate:
    build: .
    command: ["python", "manage.py", "migrate"]
  web:
    build: .
    depends_on:
      migrate:
        condition: service_completed_successfully
\`\`\``,
  related: [],
  check(project) {
    const findings = [];
    const seen = /* @__PURE__ */ new Set();
    for (const app of project.apps) {
      for (const commands of [imageCommand(app), effectiveCommand(app)]) {
        commands.forEach((cmd, i) => {
          const dj = djangoCommand(cmd.argv);
          if (dj?.name !== "migrate" || dj.args.includes("--check") || dj.args.includes("--plan")) return;
          if (!commands.slice(i + 1).some((c) => startsServer(c.argv, c.viaExec))) return;
          const key = `${cmd.file}:${cmd.line}`;
          if (seen.has(key)) return;
          seen.add(key);
          findings.push({
            file: cmd.file,
            line: cmd.line,
            message: `The start command runs 'manage.py migrate' before the server, so every replica migrates on every start. Run migrate once per release as a one-off task and start only the server.`
          });
        });
      }
    }
    return findings;
  }
});
function startsServer(argv, viaExec) {
  return serverOf(argv) !== void 0 || argv[0] === "$@" || viaExec && argv.length > 0 && djangoCommand(argv) === void 0;
}

// src/rules/TF1203-destructive-admin-on-start.ts
var DESTRUCTIVE = {
  flush: "empties the database",
  reset_db: "drops and recreates the database",
  makemigrations: "writes new migrations inside the container, which are lost with it and differ between replicas",
  loaddata: "overwrites the records of its fixtures with their original content"
};
var destructiveAdminOnStart = defineRule({
  id: "TF1203",
  name: "destructive-admin-on-start",
  factor: "XII",
  severity: "error",
  kind: "S",
  title: "The start command or its scripts run flush, reset_db, makemigrations (migrations are code and belong in the repository) or loaddata on every start",
  help: `A container starts many times: every deploy, every restart, every new replica. A start command that runs
\`flush\` or \`reset_db\` wipes production data each time; \`loaddata\` resets the fixtures' records to their original
content; \`makemigrations\` writes migrations inside the container, where they are lost with it and can differ between
replicas, while the database is migrated to a schema no commit describes.

Run \`makemigrations\` on a developer machine and commit the migrations; load fixtures once, as a one-off task
(\`docker compose run --rm web python manage.py loaddata initial\`); keep the start command to starting the server.

\`\`\`dockerfile
CMD ["gunicorn", "--bind", "0.0.0.0:8000", "mysite.wsgi"]
\`\`\`

\`makemigrations --check\` and \`--dry-run\` write nothing and are not reported.
`,
  related: [],
  check(project) {
    const findings = [];
    const seen = /* @__PURE__ */ new Set();
    for (const app of project.apps) {
      for (const cmd of startCommands(app)) {
        const dj = djangoCommand(cmd.argv);
        if (!dj || !Object.hasOwn(DESTRUCTIVE, dj.name)) continue;
        if (dj.name === "makemigrations" && dj.args.some((a) => a === "--check" || a === "--dry-run"))
          continue;
        const key = `${cmd.file}:${cmd.line}:${dj.name}`;
        if (seen.has(key)) continue;
        seen.add(key);
        findings.push({
          file: cmd.file,
          line: cmd.line,
          message: `The start command runs 'manage.py ${dj.name}' on every start, which ${DESTRUCTIVE[dj.name]}. ${dj.name === "makemigrations" ? "Generate migrations in development and commit them" : "Run it once, as a one-off task, if at all"}, and start only the server.`
        });
      }
    }
    return findings;
  }
});

// src/rules/TF1301-runs-as-root.ts
var DROPS_PRIVILEGES = /* @__PURE__ */ new Set(["gosu", "su-exec", "setpriv", "runuser", "chpst", "s6-setuidgid"]);
var runsAsRoot = defineRule({
  id: "TF1301",
  name: "runs-as-root",
  factor: "XIII",
  severity: "warning",
  kind: "S",
  title: "The target stage has no USER, or its last USER is root/0",
  help: `Without a \`USER\`, the app runs as root inside the container: a bug in the app or a dependency then has
root's power over the container's files and a shorter path to the host. Builder stages may stay root; the
stage that runs must not. Entrypoint scripts that drop privileges with \`gosu\`/\`su-exec\` are accepted.

\`\`\`dockerfile
RUN useradd --create-home --uid 10001 app
USER app
CMD ["gunicorn", "--bind", "0.0.0.0:8000", "mysite.wsgi"]
\`\`\``,
  related: ["DL3002", "CKV_DOCKER_3", "CKV_DOCKER_8", "DS-0002"],
  check(project) {
    const findings = [];
    for (const app of project.apps) {
      const df = app.dockerfile;
      const stage = df?.targetStage;
      if (!df || !stage) continue;
      const user = stage.user;
      if (user && user.user === void 0) continue;
      const name2 = user?.user?.split(":")[0];
      if (user && name2 !== "root" && name2 !== "0") continue;
      if (startCommands(app).some((c) => dropsPrivileges(c.argv))) continue;
      findings.push({
        file: df.file,
        line: stage.lastLine,
        message: user ? `The image runs as ${name2} (USER ${user.user} at line ${user.line}). Create an unprivileged user and switch to it: RUN useradd --uid 10001 app, then USER app.` : `The target stage${stage.name ? ` '${stage.name}'` : ""} sets no USER, so the app runs as root. Create an unprivileged user and add USER app before CMD.`
      });
    }
    return findings;
  }
});
function dropsPrivileges(argv) {
  const p = argv[0]?.slice(argv[0].lastIndexOf("/") + 1) ?? "";
  if (DROPS_PRIVILEGES.has(p)) return true;
  const a = programArgv(argv);
  return a[0] === "gunicorn" && argv.some((x) => x === "-u" || x === "--user" || x.startsWith("--user=")) || a[0] === "uwsgi" && argv.some((x) => x === "--uid" || x.startsWith("--uid="));
}

// src/rules/TF1302-deploy-check.ts
var deployCheck = defineRule({
  id: "TF1302",
  name: "deploy-check",
  factor: "XIII",
  severity: "warning",
  kind: "D",
  title: "Django's manage.py check --deploy reports a warning or error in the built image (one finding per check id, e.g. security.W018, message carries the id)",
  help: `Django's own deployment checklist, \`manage.py check --deploy\`, run in the built image with the smoke test's environment (DEBUG from the environment, a generated SECRET_KEY). Each reported check id becomes one finding, with the id in the message and in the related ids, so an existing \`SILENCED_SYSTEM_CHECKS\` entry maps to it.

Fix the settings it names, for example:

\`\`\`python
SECURE_SSL_REDIRECT = os.environ.get('SECURE_SSL_REDIRECT', '1') == '1'
SECURE_HSTS_SECONDS = 31536000
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
DEBUG = os.environ.get('DEBUG', '0') == '1'
\`\`\``,
  related: [
    "security.W004",
    "security.W008",
    "security.W009",
    "security.W012",
    "security.W016",
    "security.W018",
    "security.W020"
  ],
  check() {
    return [];
  }
});

// src/rules/TF1303-backing-port-published.ts
var SERVICE_PORTS = {
  postgres: 5432,
  mysql: 3306,
  mariadb: 3306,
  redis: 6379,
  memcached: 11211,
  mongo: 27017
};
function backingKind(s) {
  if (s.role !== "app" && s.role !== "other") return s.role;
  const last = s.image?.repository.split("/").pop()?.toLowerCase() ?? "";
  if (/^memcached$/.test(last)) return "memcached";
  if (/^mongo(db)?$/.test(last)) return "mongo";
  return void 0;
}
function isLoopbackIp(ip) {
  return ip !== void 0 && /^(127\.\d+\.\d+\.\d+|::1|\[::1\]|localhost)$/.test(ip);
}
var backingPortPublished = defineRule({
  id: "TF1303",
  name: "backing-port-published",
  factor: "XIII",
  severity: "warning",
  kind: "S",
  title: "A production compose file (not an override or a file named for development) publishes the database or cache port of a backing service (5432, 3306, 6379, 11211, 27017) on the host's interfaces",
  help: `The app reaches its database and cache over the compose network by service name; nothing outside needs their
ports. Published on the host (\`"5432:5432"\`), they are open on every interface of the server, and Docker's port
rules bypass the host firewall: databases with default or weak passwords, and Redis or Memcached without any, are
found and taken over by scanners within hours.

Drop the \`ports:\` of backing services in the file used to deploy; to reach them from the host while developing,
publish them in a development override, on the loopback interface only:

\`\`\`yaml
# compose.override.yaml (development only)
services:
  db:
    ports:
      - "127.0.0.1:5432:5432"
\`\`\`
`,
  related: [],
  check(project) {
    const findings = [];
    const seen = /* @__PURE__ */ new Set();
    for (const app of project.apps) {
      for (const s of app.compose?.services ?? []) {
        const kind = backingKind(s);
        if (!kind || s === app.compose?.appService) continue;
        for (const p of s.ports) {
          if (p.target !== SERVICE_PORTS[kind] || isLoopbackIp(p.hostIp) || isDevelopmentComposeFile(p.file))
            continue;
          const key = `${p.file}:${p.line}`;
          if (seen.has(key)) continue;
          seen.add(key);
          findings.push({
            file: p.file,
            line: p.line,
            message: `Service '${s.name}' publishes its ${kind} port ${p.target} on the host's interfaces ('${p.raw}'): it is reachable from outside, past the host firewall. Remove the port mapping (the app reaches '${s.name}' over the compose network), or bind it to 127.0.0.1 in a development override.`
          });
        }
      }
    }
    return findings;
  }
});

// src/rules/TF1304-docker-socket-mounted.ts
function isDockerSocket(path) {
  return path !== void 0 && /^(\/var)?\/run\/docker\.sock$/.test(path.replace(/\/+$/, ""));
}
function mountsSocketInDockerRun(argv) {
  const a = programArgv(argv);
  if (a[0] !== "docker" || !a.includes("run")) return false;
  for (let i = 1; i < a.length; i++) {
    const flag = a[i];
    let value;
    if (flag === "-v" || flag === "--volume" || flag === "--mount") value = a[i + 1];
    else if (/^(--volume|--mount|-v)=?/.test(flag)) value = flag.replace(/^(--volume|--mount|-v)=?/, "");
    if (!value) continue;
    const source = flag.includes("mount") ? /(?:^|,)(?:source|src)=([^,]+)/.exec(value)?.[1] : value.split(":")[0];
    if (isDockerSocket(source)) return true;
  }
  return false;
}
var dockerSocketMounted = defineRule({
  id: "TF1304",
  name: "docker-socket-mounted",
  factor: "XIII",
  severity: "error",
  kind: "S",
  title: "The app's compose service (or a docker run in its scripts) mounts /var/run/docker.sock, which gives the app root on the host",
  help: `Whoever can talk to the Docker socket can start a privileged container that mounts the host's filesystem: it is
root on the host. Mounted into the web app, one remote code execution or one vulnerable dependency of the app is a
compromise of the whole machine. A web application does not need it.

Remove the mount. If something must manage containers, run it as a separate, minimal service, and prefer a socket
proxy that allows only the calls it needs:

\`\`\`yaml
services:
  web:
    build: .
    # no /var/run/docker.sock here
\`\`\`
`,
  related: [],
  check(project) {
    const findings = [];
    const seen = /* @__PURE__ */ new Set();
    const report = (file, line, message) => {
      if (seen.has(`${file}:${line}`)) return;
      seen.add(`${file}:${line}`);
      findings.push({ file, line, message });
    };
    for (const app of project.apps) {
      const web = app.compose?.appService;
      for (const v of web?.volumes ?? []) {
        if (v.type !== "bind" || !isDockerSocket(v.source)) continue;
        report(
          v.file,
          v.line,
          `Service '${web.name}' mounts the Docker socket (${v.source}): anyone who gets code running in the app is root on the host. Remove the mount; a web app does not need the Docker engine.`
        );
      }
      for (const cmd of startCommands(app)) {
        if (!mountsSocketInDockerRun(cmd.argv)) continue;
        report(
          cmd.file,
          cmd.line,
          `This 'docker run' mounts the Docker socket into a container started by the app: that container is root on the host. Remove the mount.`
        );
      }
    }
    return findings;
  }
});

// src/rules/registry.ts
var RULES = [
  parseError,
  invalidSuppression,
  sourceNotInContext,
  noDockerignore,
  dockerignoreGaps,
  baseImageUnpinned,
  pythonDepsUnpinned,
  noDependencyManifest,
  depsInstalledAtStart,
  serviceImageUnpinned,
  secretKeyInCode,
  debugInCode,
  allowedHostsWildcard,
  databaseCredentialsInCode,
  databaseNotConfigurable,
  secretInDockerfile,
  secretInCompose,
  envFileInImage,
  configNotHonoured,
  configVarMismatch,
  secretInScript,
  debugEnvNotBoolean,
  configProvidedNotRead,
  settingsValueMalformed,
  backingServiceLocalhost,
  dependsOnUnhealthy,
  adminTaskAtBuild,
  imageBuildFailed,
  sourceMountedOverImage,
  sqliteInImage,
  runtimeDataNotInVolume,
  postgresDataNotInVolume,
  runtimeDataLost,
  volumeOverSource,
  noPortDeclared,
  bindsLoopback,
  portUnreachable,
  exposeMismatch,
  devServer,
  fixedContainerName,
  severalProcesses,
  shellFormCommand,
  slowShutdown,
  slowStartup,
  noHealthcheck,
  sqlitePathFailed,
  postgresPathFailed,
  sqliteDefaultEngine,
  logsToFile,
  migrateOneOffFailed,
  adminTaskOnEveryStart,
  destructiveAdminOnStart,
  runsAsRoot,
  deployCheck,
  backingPortPublished,
  dockerSocketMounted
];
var byKey = /* @__PURE__ */ new Map();
for (const rule of RULES) {
  byKey.set(rule.id.toLowerCase(), rule);
  byKey.set(rule.name, rule);
}
function findRule(key) {
  return byKey.get(key.trim().toLowerCase());
}
function isKnownRule(key) {
  return findRule(key) !== void 0;
}

// src/util/option-error.ts
var OptionError = class extends Error {
  name = "OptionError";
};

// src/smoke/limits.ts
var MIB = 1024 * 1024;
var DEFAULT_LIMITS = { pids: 512, memoryBytes: 1024 * MIB, cpus: 1.5 };
var POSTGRES_MIN_MEMORY = 512 * MIB;
var MIN_MEMORY = 64 * MIB;
var MIN_PIDS = 16;
function parsePidsLimit(value, name2) {
  const n = Number(value.trim());
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(n) || n < MIN_PIDS) {
    throw new OptionError(
      `Invalid ${name2} '${value}'. Expected a whole number of processes, at least ${MIN_PIDS}.`
    );
  }
  return n;
}
function parseMemory(value, name2) {
  const m = /^(\d+(?:\.\d+)?)\s*([kmg])?(?:i?b)?$/i.exec(value.trim());
  const scale = { "": 1, k: 1024, m: MIB, g: 1024 * MIB }[(m?.[2] ?? "").toLowerCase()];
  const bytes = m ? Math.floor(Number(m[1]) * scale) : Number.NaN;
  if (!Number.isSafeInteger(bytes) || bytes < MIN_MEMORY) {
    throw new OptionError(
      `Invalid ${name2} '${value}'. Expected an amount of memory such as 1g or 768m (bytes, or k/m/g), at least 64m.`
    );
  }
  return bytes;
}
function parseCpus(value, name2) {
  const n = Number(value.trim());
  if (!/^\d+(\.\d+)?$/.test(value.trim()) || !(n >= 0.01) || n > 1024) {
    throw new OptionError(
      `Invalid ${name2} '${value}'. Expected a number of CPUs such as 1.5 (0.01 or more).`
    );
  }
  return Math.round(n * 100) / 100;
}
function capCpus(limits, engineCpus) {
  return engineCpus >= 1 && limits.cpus > engineCpus ? { ...limits, cpus: engineCpus } : limits;
}
function containerLimitArgs(limits, minMemoryBytes = 0) {
  const memory = String(Math.max(limits.memoryBytes, minMemoryBytes));
  return [
    "--pids-limit",
    String(limits.pids),
    "--memory",
    memory,
    "--memory-swap",
    memory,
    "--cpus",
    String(limits.cpus)
  ];
}
function classicBuildLimitArgs(limits) {
  const memory = String(limits.memoryBytes);
  return [
    "--memory",
    memory,
    "--memory-swap",
    memory,
    "--cpu-period",
    "100000",
    "--cpu-quota",
    String(Math.round(limits.cpus * 1e5))
  ];
}
function formatMemory(bytes) {
  if (bytes % (1024 * MIB) === 0) return `${bytes / (1024 * MIB)}g`;
  if (bytes % MIB === 0) return `${bytes / MIB}m`;
  return `${bytes} bytes`;
}

// src/smoke/redact.ts
var MASK = "***";
var MIN_SECRET = 4;
var MIN_ENCODED = 8;
var ACCESS_TOKEN_USER = "x-access-token:";
var base64 = (bytes) => bytes.toString("base64").replace(/=+$/, "");
var padded = (bytes) => bytes.toString("base64");
var base64url = (b64) => b64.replace(/\+/g, "-").replace(/\//g, "_");
function encodingsOf(secret) {
  const forms = /* @__PURE__ */ new Set([secret]);
  const bytes = Buffer.from(secret, "utf8");
  const header = Buffer.from(ACCESS_TOKEN_USER + secret, "utf8");
  for (const f of [
    encodeURIComponent(secret),
    bytes.toString("hex"),
    padded(bytes),
    base64(bytes),
    padded(header),
    base64(header)
  ])
    forms.add(f);
  for (let shift = 0; shift < 3; shift++) {
    const aligned = bytes.subarray(shift, shift + Math.floor((bytes.length - shift) / 3) * 3);
    forms.add(base64(aligned));
  }
  for (const f of [...forms]) if (/[+/]/.test(f)) forms.add(base64url(f));
  return [...forms].filter((f) => f === secret || f.length >= MIN_ENCODED);
}
var Redactor = class {
  constructor(onSecret) {
    this.onSecret = onSecret;
  }
  onSecret;
  secrets = /* @__PURE__ */ new Set();
  forms = /* @__PURE__ */ new Set();
  /** The forms longest first, so a form that contains another is masked whole; rebuilt when a secret is added. */
  ordered = [];
  /** Registers a value to mask, with its encodings; values shorter than 4 characters are not secrets. */
  add(secret) {
    if (!secret || secret.length < MIN_SECRET || this.secrets.has(secret)) return;
    this.secrets.add(secret);
    this.onSecret?.(secret);
    for (const form of encodingsOf(secret)) this.forms.add(form);
    this.ordered = [...this.forms].sort((a, b) => b.length - a.length);
  }
  redact(text) {
    if (text === void 0) return void 0;
    let out = text;
    for (const s of this.ordered) if (out.includes(s)) out = out.split(s).join(MASK);
    return out;
  }
  /** A copy of a plain value (a Report, an artifact) with every string in it redacted; keys are left as they are. */
  redactValue(value) {
    if (this.forms.size === 0) return value;
    const walk = (v) => {
      if (typeof v === "string") return this.redact(v);
      if (Array.isArray(v)) return v.map(walk);
      if (v && typeof v === "object") {
        return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
      }
      return v;
    };
    return walk(value);
  }
};
var ALSO_MASKED = /^KEY$|CREDENTIAL|PASSWORD|PASSWD|SECRET|TOKEN|PRIVATE/i;
function isSecretName3(name2) {
  return isSecretName(name2) || ALSO_MASKED.test(name2);
}
function tail(text, lines = 30) {
  const all = text.replace(/\s+$/, "").split("\n");
  return all.slice(Math.max(0, all.length - lines)).join("\n");
}

export {
  UnsafePathError,
  isInside,
  resolveInside,
  readInsideSync,
  readInside,
  readRegularFileSync,
  writeOwnFile,
  SEVERITIES,
  stableMessage,
  stamp,
  partsOfPlain,
  DEFAULT_CONFIG_FILE,
  SKIPPED_DIRS,
  baseName,
  dirName,
  joinPath,
  isUnder,
  relativeTo,
  normalizeRelative,
  isDockerfile,
  isComposeFile,
  isComposeOverride,
  isDockerignore,
  isRequirementsFile,
  isSettingsCandidate,
  isScript,
  isCoreFile,
  moduleFiles,
  parseDockerignore,
  sentFiles,
  ImageLayout,
  isUrl,
  parseShell,
  modelDockerfile,
  require_dist,
  modelCompose,
  withBases,
  modelSettings,
  RULES,
  findRule,
  isKnownRule,
  OptionError,
  DEFAULT_LIMITS,
  POSTGRES_MIN_MEMORY,
  parsePidsLimit,
  parseMemory,
  parseCpus,
  capCpus,
  containerLimitArgs,
  classicBuildLimitArgs,
  formatMemory,
  Redactor,
  isSecretName3 as isSecretName,
  tail
};
