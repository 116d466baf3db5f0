/**
 * Common Swedish first and last names (Statistics Sweden's most frequent ones, plus names
 * common among Swedes born abroad), for demo and synthetic people.
 */
// biome-ignore format: a name list reads better as a table
export const firstNames: ReadonlyArray<string> = [
  "Anna", "Eva", "Maria", "Karin", "Sara", "Christina", "Lena", "Emma", "Kerstin", "Marie",
  "Ingrid", "Malin", "Jenny", "Hanna", "Linda", "Annika", "Susanne", "Elin", "Monica", "Birgitta",
  "Sofia", "Johanna", "Åsa", "Ulrika", "Helena", "Camilla", "Ida", "Frida", "Therese", "Louise",
  "Lars", "Mikael", "Anders", "Johan", "Erik", "Per", "Karl", "Peter", "Jan", "Thomas",
  "Daniel", "Fredrik", "Hans", "Andreas", "Stefan", "Mats", "Magnus", "Jonas", "Mattias", "Björn",
  "Niklas", "Henrik", "Martin", "Ola", "Göran", "Håkan", "Jörgen", "Pär", "Oskar", "Viktor",
  "Amir", "Fatima", "Leila", "Mohammed", "Yasmin", "Ahmed", "Nadia", "Dragan", "Mirela", "Aleksandra",
]

// biome-ignore format: a name list reads better as a table
export const lastNames: ReadonlyArray<string> = [
  "Andersson", "Johansson", "Karlsson", "Nilsson", "Eriksson", "Larsson", "Olsson", "Persson",
  "Svensson", "Gustafsson", "Pettersson", "Jonsson", "Jansson", "Hansson", "Bengtsson", "Jönsson",
  "Lindberg", "Jakobsson", "Magnusson", "Olofsson", "Lindström", "Lindqvist", "Lindgren", "Berg",
  "Axelsson", "Bergström", "Lundberg", "Lind", "Lundgren", "Lundqvist", "Mattsson", "Berglund",
  "Fredriksson", "Sandberg", "Henriksson", "Forsberg", "Sjöberg", "Wallin", "Engström", "Eklund",
  "Danielsson", "Lundin", "Håkansson", "Björk", "Bergman", "Gunnarsson", "Holm", "Wikström",
  "Samuelsson", "Isaksson", "Fransson", "Bergqvist", "Nyström", "Holmberg", "Arvidsson", "Löfgren",
  "Söderberg", "Nyberg", "Blomqvist", "Claesson", "Nordström", "Mårtensson", "Lundström", "Öberg",
  "Ali", "Mohamed", "Hassan", "Ahmed", "Kovačević", "Nguyen", "Sjögren", "Åberg",
]

/** "Åsa Öberg" → "asa.oberg": the local part of a Swedish work address. */
export const emailLocalPart = (name: string): string =>
  name
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ".")
    .replace(/^\.+|\.+$/g, "")
